package org.onex.hub.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import org.onex.hub.security.ApiClient;
import org.onex.hub.security.ApiClients;
import org.onex.hub.security.AuditAction;
import org.onex.hub.security.AuditLog;
import org.onex.hub.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Feed reads over the broker (issue 6 item 4: every feed read is audited with the client, the query, the count and a
 * digest of the record ids). A network client's consumer is followed from its creation: the record ids the broker
 * delivers to it are counted and digested as they go ({@link AuditLog#idsDigest}, computed incrementally, so no id
 * list is kept). {@value AuditAction#FEED_READ} is written, target {@code artemis:<address>}, when the consumer
 * closes and, for a subscription that stays open, by {@link #flush} ({@code hub.artemis.read-audit-period}) for
 * what it was delivered since the entry before, if anything. The hub's own in-VM consumers are not followed, and a
 * delivery costs one map look-up.
 */
@Component
public class BrokerReads implements ArtemisConfigurationCustomizer, ActiveMQServerConsumerPlugin,
        ActiveMQServerMessagePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReads.class);

    private final ObjectProvider<AuditLog> audit;
    private final ObjectProvider<ApiClients> clients;
    private final Clock clock;
    private final Map<ServerConsumer, Reads> reads = new ConcurrentHashMap<>();
    private volatile ActiveMQServer server;

    public BrokerReads(ObjectProvider<AuditLog> audit, ObjectProvider<ApiClients> clients, Clock clock) {
        this.audit = audit;
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
                || session.getUsername() == null) {
            return;
        }
        String user = session.getUsername();
        Role role = clients.getObject().find(user).map(ApiClient::role).orElse(null);
        reads.put(consumer, new Reads(user, role, consumer.getQueue().getAddress().toString(), clock.instant()));
    }

    @Override
    public void afterDeliver(ServerConsumer consumer, MessageReference reference) {
        Reads r = reads.get(consumer);
        if (r != null) {
            r.delivered(reference.getMessage().getObjectProperty(FeedHeaders.RECORD_ID));
        }
    }

    @Override
    public void afterCloseConsumer(ServerConsumer consumer, boolean failed) {
        Reads r = reads.remove(consumer);
        if (r != null) {
            write(r, true);
        }
    }

    /** Audits what each open consumer was delivered since its last entry; returns how many entries it wrote. */
    public int flush() {
        int written = 0;
        for (Reads r : reads.values()) {
            if (write(r, false)) {
                written++;
            }
        }
        return written;
    }

    /** Writes the consumer's reads since the last entry; nothing for an open consumer that was delivered nothing. */
    private boolean write(Reads r, boolean closed) {
        Reads.Taken taken = r.take(clock.instant());
        if (taken.count() == 0 && !closed) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("count", taken.count());
        detail.put("idsSha256", taken.idsSha256());
        detail.put("from", taken.from().toString());
        detail.put("until", taken.until().toString());
        detail.put("consumer", closed ? "closed" : "open");
        try {
            audit.getObject().record(r.user, r.role, AuditAction.FEED_READ, "artemis:" + r.address, detail);
            return true;
        } catch (RuntimeException e) {
            LOG.error("cannot audit the broker feed read of '{}' on {} ({} messages): {}", r.user, r.address,
                    taken.count(), e.toString());
            return false;
        }
    }

    /** What one consumer was delivered since its last audit entry: a count and a running digest of record ids. */
    private static final class Reads {

        record Taken(long count, String idsSha256, Instant from, Instant until) {
        }

        private final String user;
        private final Role role;
        private final String address;
        private MessageDigest digest = sha256();
        private long count;
        private long ids;
        private Instant since;

        Reads(String user, Role role, String address, Instant since) {
            this.user = user;
            this.role = role;
            this.address = address;
            this.since = since;
        }

        /** The ids as {@link AuditLog#idsDigest} joins them: decimals separated by commas. */
        synchronized void delivered(Object recordId) {
            if (recordId != null) {
                digest.update(((ids++ == 0 ? "" : ",") + recordId).getBytes(StandardCharsets.UTF_8));
            }
            count++;
        }

        synchronized Taken take(Instant now) {
            Taken taken = new Taken(count, HexFormat.of().formatHex(digest.digest()), since, now);
            digest = sha256();
            count = 0;
            ids = 0;
            since = now;
            return taken;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
            }
        }
    }
}
