package org.onex.hub.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * The bureau's consumer of {@code hub.feed.bureau.C2} over the broker's network acceptor (CORE), through a
 * {@link TcpRelay} the broker outage cuts. It holds a shared durable subscription (what docs/security.md tells a
 * consumer that must not miss a version to use), reconnects after the cut and records each message's
 * {@code feedSeq} property: after the restore it must have every position of the pushing department's records.
 */
final class BrokerConsumer implements AutoCloseable {

    static final String TOPIC = "hub.feed.bureau.C2";

    private final String url;
    private final String user;
    private final String password;
    private final String selector;
    private final Set<Long> received = new ConcurrentSkipListSet<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Set<Long> inDoubt = new ConcurrentSkipListSet<>();
    private final Thread thread;

    BrokerConsumer(int port, String user, String password, String department) {
        this("tcp://127.0.0.1:" + port + "?reconnectAttempts=0&callTimeout=5000", user, password, department);
    }

    /** Messages per transaction of the consumer. */
    private static final int BATCH = 200;

    /** On any broker URL, e.g. the pair's failover URL. */
    BrokerConsumer(String url, String user, String password, String department) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.selector = "department = '" + department + "'";
        thread = new Thread(this::consume, "faults-broker-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void consume() {
        while (running.get()) {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                    Connection connection = factory.createConnection(user, password)) {
                // transacted: a position counts once its commit is answered, so a repeat of a committed position is a
                // duplicate, while a repeat after a commit the failover left in doubt is the redelivery it should be
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createSharedDurableConsumer(session.createTopic(TOPIC),
                        "faults-bureau", selector);
                connection.start();
                // one commit per batch (up to BATCH messages, or when the topic is quiet): a commit per message is
                // an fsync of the broker's journal each, slower than the hub publishes under load
                List<Long> batch = new ArrayList<>();
                while (running.get()) {
                    Message m = consumer.receive(batch.isEmpty() ? 500 : 50);
                    if (m != null) {
                        batch.add(m.getLongProperty("feedSeq"));
                        if (batch.size() < BATCH) {
                            continue;
                        }
                    }
                    if (batch.isEmpty()) {
                        continue;
                    }
                    try {
                        session.commit();
                    } catch (JMSException e) {
                        for (long seq : batch) {
                            inDoubt.add(seq); // committed or not: it may come again, once
                            received.add(seq);
                        }
                        throw e;
                    }
                    for (long seq : batch) {
                        if (!received.add(seq) && !inDoubt.remove(seq)) {
                            duplicates.incrementAndGet();
                        }
                    }
                    batch.clear();
                }
            } catch (JMSException | RuntimeException e) {
                reconnects.incrementAndGet();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    Set<Long> received() {
        return received;
    }

    /** Messages of a position already received and cleanly committed (never a redelivery after a commit in doubt). */
    long duplicates() {
        return duplicates.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
