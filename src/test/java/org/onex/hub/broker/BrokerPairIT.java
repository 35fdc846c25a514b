package org.onex.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.onex.hub.cli.ApiClientsCommand;
import org.onex.hub.feed.FeedHeaders;
import org.onex.hub.it.TestDatabases;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;

/**
 * Issue 16 items 4 and 5 (broker half): the standalone broker pair of {@code onex-hub.jar broker --primary/--backup}
 * (shared store, PostgreSQL as the hub store), each in its own JVM. A publisher logged in as the hub sends N feed
 * messages in transactions of {@value #BATCH}, each with its version id as duplicate id, while a durable subscriber
 * of the bureau (a real API client key) counts what it commits; the primary is killed with SIGKILL mid-stream. The
 * backup takes over, publishing and consuming go on through the client failover URL, every message arrives
 * exactly once (the publisher re-sends a transaction it is not sure of, the broker drops what it already has), the
 * standalone broker refuses a wrong key, a revoked key and a subscription outside the client's role, and audits
 * the subscriber's reads in the store.
 */
class BrokerPairIT {

    private static final Pattern KEY = Pattern.compile("hub_[A-Za-z0-9_-]{43}");
    private static final String TOPIC = "hub.feed.bureau.C2";
    private static final int N = 3000;
    private static final int BATCH = 20;
    private static final String HUB_PASSWORD = "pair-hub-secret";

    @Test
    void theBackupTakesOverAfterKillNineAndNoMessageIsLostOrDuplicated() throws Exception {
        Path work = Files.createTempDirectory("broker-pair-");
        String db = TestDatabases.freshPostgres("hub_it_broker_pair");
        List<String> store = List.of("--datasource-url", db, "--datasource-username", "postgres");
        String readerKey = addClient("pair-reader", store);
        String revokedKey = addClient("pair-revoked", store);
        run(store, "revoke", "pair-revoked");

        int primaryPort = TestDatabases.freePort();
        int backupPort = TestDatabases.freePort();
        String url = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                + ")?ha=true&reconnectAttempts=-1&retryInterval=100&retryIntervalMultiplier=1.0";
        try (BrokerProcess primary = broker(work, "primary", primaryPort, backupPort, store).start()) {
            await().atMost(Duration.ofSeconds(40)).until(() -> primary.logged("broker: primary"));
            try (BrokerProcess backup = broker(work, "backup", backupPort, primaryPort, store).start()) {
                await().atMost(Duration.ofSeconds(40)).until(() -> backup.logged("AMQ221031: backup announced"));
                refused(primaryPort, "pair-reader", "hub_" + "x".repeat(43), TOPIC); // wrong key, on the primary

                Subscriber subscriber = new Subscriber(new ActiveMQConnectionFactory(url), readerKey);
                Publisher publisher = new Publisher(new ActiveMQConnectionFactory(url), subscriber, primary::signalKill);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                Future<?> consuming = threads.submit(subscriber);
                await().atMost(Duration.ofSeconds(10)).untilTrue(subscriber.subscribed);
                Future<?> publishing = threads.submit(publisher);

                // the publisher sends SIGKILL itself, after a third, and goes on at once: mid-transaction
                await().atMost(Duration.ofSeconds(30)).until(() -> publisher.killedAt.get() > 0);
                long killedAt = publisher.killedAt.get();
                long sentAtKill = publisher.sentAtKill.get();
                primary.kill();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> backup.logged("AMQ221010"));
                long backupLiveMs = (System.nanoTime() - killedAt) / 1_000_000;
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> publisher.lastCommit.get() > killedAt);
                long publishingMs = (publisher.lastCommit.get() - killedAt) / 1_000_000;

                publishing.get(60, java.util.concurrent.TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(40)).until(() -> subscriber.received().size() >= N);
                subscriber.stop.set(true);
                consuming.get(30, java.util.concurrent.TimeUnit.SECONDS);
                threads.shutdown();

                Set<String> received = subscriber.received();
                long lost = N - received.size();
                long duplicated = subscriber.duplicated.get();
                System.out.printf("broker pair, kill -9 of the primary after %d of %d sent: backup live after %d ms,"
                        + " publishing again after %d ms; sent %d (%d transactions re-sent, %d of them found"
                        + " committed by duplicate detection), received %d, lost %d, duplicated %d"
                        + " (%d subscriber commits in doubt, %d deliveries rolled back and redelivered)%n", sentAtKill,
                        N, backupLiveMs, publishingMs, publisher.sent.get(), publisher.resent.get(),
                        publisher.foundCommitted.get(), received.size(), lost, duplicated, subscriber.inDoubt.get(),
                        subscriber.redelivered.get());
                assertThat(sentAtKill).as("killed mid-stream").isLessThan(N);
                assertThat(received).as("every version id, once").hasSize(N);
                assertThat(lost).isZero();
                assertThat(duplicated).isZero();
                assertThat(backupLiveMs).as("takeover").isLessThan(20_000);

                // the broker now live is the backup: it carries the hub's security too
                refused(backupPort, "pair-reader", "hub_" + "y".repeat(43), TOPIC);
                refused(backupPort, "pair-revoked", revokedKey, TOPIC);
                refused(backupPort, "pair-reader", readerKey, "hub.feed.C2"); // the internal topic: hub only
                refused(backupPort, "hub", "not-the-hub-password", TOPIC);
                await().atMost(Duration.ofSeconds(20)).until(() -> feedReads(db) > 0); // audited by the broker
            }
        }
    }

    /** The publisher: the hub's part, as FeedPublisher does it (a page per transaction, duplicate id = version id). */
    static final class Publisher implements Runnable {

        final AtomicLong sent = new AtomicLong();
        final AtomicInteger resent = new AtomicInteger();
        final AtomicInteger foundCommitted = new AtomicInteger();
        final AtomicLong lastCommit = new AtomicLong();
        final AtomicLong killedAt = new AtomicLong();
        final AtomicLong sentAtKill = new AtomicLong();
        private final ActiveMQConnectionFactory factory;
        private final Subscriber subscriber;
        private final Runnable kill;

        Publisher(ActiveMQConnectionFactory factory, Subscriber subscriber, Runnable kill) {
            this.factory = factory;
            this.subscriber = subscriber;
            this.kill = kill;
        }

        @Override
        public void run() {
            try (Connection connection = factory.createConnection("hub", HUB_PASSWORD)) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(session.createTopic(TOPIC));
                for (int first = 0; first < N; first += BATCH) {
                    while (first - subscriber.committed.size() > 300) { // keep the stream going until the kill
                        LockSupport.parkNanos(1_000_000);
                    }
                    boolean again = false;
                    while (!publish(session, producer, first, again)) {
                        again = true;
                    }
                    sent.set(first + BATCH);
                    lastCommit.set(System.nanoTime());
                    if (killedAt.get() == 0 && sent.get() >= N / 3) {
                        sentAtKill.set(sent.get());
                        killedAt.set(System.nanoTime());
                        kill.run();
                    }
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        /** One transaction; false when it must be sent again (failover unblocked it or rolled it back). */
        private boolean publish(Session session, MessageProducer producer, int first, boolean again) {
            if (again) {
                resent.incrementAndGet();
            }
            try {
                for (int v = first; v < first + BATCH; v++) {
                    TextMessage m = session.createTextMessage("{\"versionId\":" + v + "}");
                    m.setLongProperty(FeedHeaders.VERSION_ID, v);
                    m.setStringProperty(FeedHeaders.DUPLICATE_ID, String.valueOf(v));
                    producer.send(m);
                }
                session.commit();
                return true;
            } catch (TransactionRolledBackException e) {
                // a re-sent transaction whose first commit did reach the broker: every message is a duplicate
                if (again && String.valueOf(e.getMessage()).contains("Duplicate")) {
                    foundCommitted.incrementAndGet();
                    return true;
                }
                return false;
            } catch (JMSException e) {
                try {
                    session.rollback();
                } catch (JMSException ignored) {
                    // rolled back by the failover anyway
                }
                return false;
            }
        }
    }

    /**
     * The bureau's durable subscriber: receives in transactions and counts a version once its transaction has
     * committed. A commit unblocked by the failover is in doubt: its versions count as received unless they come
     * again (the commit did not happen); a version committed twice is a duplicate.
     */
    static final class Subscriber implements Runnable {

        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final Set<String> doubtful = ConcurrentHashMap.newKeySet();
        final AtomicInteger duplicated = new AtomicInteger();
        final AtomicInteger inDoubt = new AtomicInteger();
        final AtomicInteger redelivered = new AtomicInteger();
        final AtomicBoolean subscribed = new AtomicBoolean();
        final AtomicBoolean stop = new AtomicBoolean();
        private final ActiveMQConnectionFactory factory;
        private final String key;

        Subscriber(ActiveMQConnectionFactory factory, String key) {
            this.factory = factory;
            this.key = key;
        }

        Set<String> received() {
            Set<String> all = new HashSet<>(committed);
            all.addAll(doubtful);
            return all;
        }

        @Override
        public void run() {
            try (Connection connection = factory.createConnection("pair-reader", key)) {
                connection.setClientID("pair-reader-it");
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createDurableSubscriber(session.createTopic(TOPIC), "pair-it");
                connection.start();
                subscribed.set(true);
                List<String> batch = new ArrayList<>();
                while (!stop.get()) {
                    Message m;
                    try {
                        m = consumer.receive(100);
                    } catch (JMSException e) {
                        m = null; // unblocked by the failover; the transaction rolls back below
                    }
                    if (m != null) {
                        if (m.getJMSRedelivered()) {
                            redelivered.incrementAndGet();
                        }
                        batch.add(m.getStringProperty(FeedHeaders.DUPLICATE_ID));
                    }
                    if (!batch.isEmpty() && (m == null || batch.size() >= 10)) {
                        commit(session, batch);
                        batch.clear();
                    }
                }
                consumer.close();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        private void commit(Session session, List<String> batch) {
            try {
                session.commit();
            } catch (TransactionRolledBackException e) {
                return; // redelivered: counted when it commits
            } catch (JMSException e) {
                inDoubt.incrementAndGet();
                doubtful.addAll(batch);
                return;
            }
            for (String id : batch) {
                if (!committed.add(id)) {
                    duplicated.incrementAndGet();
                }
            }
        }
    }

    private static BrokerProcess broker(Path work, String role, int port, int peer, List<String> store) {
        List<String> args = new ArrayList<>(List.of("--" + role, "--port", String.valueOf(port), "--peer",
                "127.0.0.1:" + peer, "--data-dir", work.resolve("artemis").toString(),
                "--hub.broker.cluster-password=pair-cluster-secret", "--hub.artemis.hub-password=" + HUB_PASSWORD,
                "--hub.audit.broker-read-period=1s", "--hub.data-dir=" + work));
        args.addAll(store);
        return new BrokerProcess(work.resolve(role + ".log"), args);
    }

    /** The broker refuses this login, or this subscription. */
    private static void refused(int port, String user, String password, String topic) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port
                + "?reconnectAttempts=0");
        assertThatThrownBy(() -> {
            try (Connection c = factory.createConnection(user, password)) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.createConsumer(s.createTopic(topic)).close();
            }
        }).as(user + " on " + topic).isInstanceOf(JMSSecurityException.class);
    }

    private static long feedReads(String db) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(db, "postgres", "");
                var r = c.createStatement().executeQuery("SELECT count(*) FROM hub_audit WHERE action = 'FEED_READ'"
                        + " AND client_id = 'pair-reader'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String addClient(String id, List<String> store) {
        Matcher m = KEY.matcher(run(store, "add", id, "--role", "bureau", "--department", "zhzf"));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static String run(List<String> store, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(store);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ApiClientsCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
