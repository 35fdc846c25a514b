package org.onex.hub.feed;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConsumerPlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.auth.ApiClient;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.auth.BrokerRoles;
import org.onex.hub.policy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Feed reads over the broker (every feed read is audited with the client, the query, the count and a
 * digest of the record ids). A network client's consumer is followed from its creation: the record ids the broker
 * delivers to it are counted and digested as they go ({@link AuditLog#idsDigest}, computed incrementally, so no id
 * list is kept), with the first and last feed position. {@value AuditAction#FEED_READ} is written, target
 * {@code artemis:<address>}, when the consumer closes and, for a subscription that stays open, by {@link #flush}
 * ({@code hub.artemis.read-audit-period}) for what it was delivered since the entry before, if anything.
 *
 * <p>Between entries, {@link #recordProgress} stores each open consumer's reads so far in the hub
 * store every {@code hub.audit.broker-read-period} ({@link BrokerReadProgress}), so that a crash loses at most one
 * period: after it, the stored progress becomes a FEED_READ entry marked {@code interrupted}. A consumer's progress
 * write, its periodic entry and its closing entry are serialized by a per-consumer lock, so a stale progress row
 * is never written after the entry that covers it. The hub's own in-VM consumers are not followed, and a delivery
 * costs one map look-up.
 */
@Component
public class BrokerReads implements ArtemisConfigurationCustomizer, ActiveMQServerConsumerPlugin,
        ActiveMQServerMessagePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReads.class);

    private final ObjectProvider<BrokerReadProgress> progress;
    private final ObjectProvider<ApiClients> clients;
    private final Clock clock;
    private final Map<ServerConsumer, ConsumerReads> reads = new ConcurrentHashMap<>();
    private volatile ActiveMQServer server;

    public BrokerReads(ObjectProvider<BrokerReadProgress> progress, ObjectProvider<ApiClients> clients, Clock clock) {
        this.progress = progress;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.registerBrokerPlugin(this);
    }

    @Override
    public void registered(ActiveMQServer activeMQServer) {
        this.server = activeMQServer;
    }

    @Override
    public void afterCreateConsumer(ServerConsumer consumer) {
        ActiveMQServer s = server;
        ServerSession session = s == null ? null : s.getSessionByID(consumer.getSessionID());
        if (session == null || session.getRemotingConnection() == null
                || session.getRemotingConnection().getTransportConnection() instanceof InVMConnection
                || session.getUsername() == null || BrokerRoles.HUB.equals(session.getUsername())) {
            return; // the hub's own consumers (in-VM, or hub nodes on a standalone broker) are not feed reads
        }
        String user = session.getUsername();
        Role role = clients.getObject().find(user).map(ApiClient::role).orElse(null);
        reads.put(consumer, new ConsumerReads(consumer.getSessionID() + ":" + consumer.getID(), user, role,
                consumer.getQueue().getAddress().toString(), clock.instant()));
    }

    @Override
    public void afterDeliver(ServerConsumer consumer, MessageReference reference) {
        ConsumerReads r = reads.get(consumer);
        if (r != null) {
            r.delivered(reference.getMessage().getObjectProperty(FeedHeaders.RECORD_ID),
                    reference.getMessage().getObjectProperty(FeedHeaders.FEED_SEQ));
        }
    }

    @Override
    public void afterCloseConsumer(ServerConsumer consumer, boolean failed) {
        ConsumerReads r = reads.remove(consumer);
        if (r != null) {
            r.lock.lock();
            try {
                r.closed = true;
                write(r, "closed");
            } finally {
                r.lock.unlock();
            }
        }
    }

    /** Audits what each open consumer was delivered since its last entry; returns how many entries it wrote. */
    public int flush() {
        int written = 0;
        for (ConsumerReads r : reads.values()) {
            r.lock.lock();
            try {
                if (!r.closed && write(r, "open")) {
                    written++;
                }
            } finally {
                r.lock.unlock();
            }
        }
        return written;
    }

    /**
     * Stores, for each open consumer that was delivered something since its last entry, what it was delivered so
     * far; returns how many consumers' progress it stored.
     */
    public int recordProgress() {
        int stored = 0;
        long messages = 0;
        for (ConsumerReads r : reads.values()) {
            r.lock.lock();
            try {
                BrokerReadProgress.Reads now = r.closed ? null : r.snapshot(clock.instant());
                if (now != null && now.count() > 0) {
                    progress.getObject().save(now);
                    stored++;
                    messages += now.count();
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot store the broker read progress of '{}' on {}: {}", r.user(), r.address(), e.toString());
            } finally {
                r.lock.unlock();
            }
        }
        LOG.debug("broker read progress stored: {} consumer(s) of {} open, {} messages since their last entry", stored,
                reads.size(), messages);
        return stored;
    }

    /** Writes the consumer's reads since the last entry; nothing for an open consumer that was delivered nothing. */
    private boolean write(ConsumerReads r, String consumer) {
        try {
            return r.take(clock.instant(), "closed".equals(consumer),
                    taken -> progress.getObject().audit(taken, consumer));
        } catch (RuntimeException e) {
            // kept in memory (and in its progress row): the next entry, or the recovery after a crash, covers them
            LOG.error("cannot audit the broker feed read of '{}' on {}: {}", r.user(), r.address(), e.toString());
            return false;
        }
    }
}
