package org.onex.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.policy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feed reads over the broker that survive a crash. An open network consumer's reads since its last
 * {@value AuditAction#FEED_READ} entry are kept in {@code hub_audit_broker_read} ({@link #save}, every
 * {@code hub.audit.broker-read-period}), not only in memory. The entry written when the consumer closes, or once a
 * {@code hub.artemis.read-audit-period} while it stays open, deletes that row in its own transaction
 * ({@link #audit}). A row not rewritten for three periods belongs to a consumer whose hub stopped without closing
 * it (kill -9, power loss): {@link #recoverInterrupted} turns it into a FEED_READ entry marked {@code interrupted},
 * again deleting the row in the same transaction, so each read is audited once and a crash loses at most one
 * period of reads.
 *
 * <p>Why progress rows rather than an audit entry per period: an entry every 10 s per open subscription would lock
 * the chain head that often and fill the log with 8,640 entries a day per subscriber; a progress row is one
 * UPDATE, outside the chain.
 */
@Repository
public class BrokerReadProgress {

    /** {@code consumer} in the detail of an entry recovered from a consumer that never closed. */
    public static final String INTERRUPTED = "interrupted";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReadProgress.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final AuditProperties properties;
    private final Clock clock;

    public BrokerReadProgress(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, AuditProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What one consumer was delivered since its last FEED_READ entry.
     *
     * @param consumerKey  the consumer, unique over broker runs (its session id and consumer id)
     * @param idsSha256    SHA-256 of the record ids in delivery order ({@link AuditLog#idsDigest})
     * @param firstFeedSeq feed position of the first message (null when the messages carried none)
     * @param from         the previous entry (or the subscription's start)
     * @param until        the moment these figures were taken
     */
    public record Reads(String consumerKey, String clientId, Role role, String address, long count, String idsSha256,
            Long firstFeedSeq, Long lastFeedSeq, Instant from, Instant until) {
    }

    /** Stores the consumer's reads so far, replacing what was stored for it before. */
    public void save(Reads r) {
        Timestamp now = millis(clock.instant());
        Object[] values = { r.count(), r.idsSha256(), r.firstFeedSeq(), r.lastFeedSeq(), millis(r.from()),
            millis(r.until()), now, r.consumerKey() };
        int updated = jdbc.update("UPDATE hub_audit_broker_read SET read_count = ?, ids_sha256 = ?, first_feed_seq = ?,"
                + " last_feed_seq = ?, reads_from = ?, reads_until = ?, updated_at = ? WHERE consumer_key = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO hub_audit_broker_read (read_count, ids_sha256, first_feed_seq, last_feed_seq,"
                    + " reads_from, reads_until, updated_at, consumer_key, client_id, client_role, address)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", r.count(), r.idsSha256(), r.firstFeedSeq(), r.lastFeedSeq(),
                    millis(r.from()), millis(r.until()), now, r.consumerKey(), r.clientId(),
                    r.role() == null ? null : r.role().name(), r.address());
        }
    }

    /** Writes the FEED_READ entry of these reads ({@code consumer}: open, closed) and drops the consumer's row. */
    public AuditEntry audit(Reads r, String consumer) {
        return tx.execute(status -> {
            jdbc.update("DELETE FROM hub_audit_broker_read WHERE consumer_key = ?", r.consumerKey());
            return append(r, consumer); // last: the chain head stays locked briefly (AuditLog)
        });
    }

    /**
     * Turns the rows of consumers whose hub stopped without closing them (not rewritten for three periods) into
     * FEED_READ entries marked {@value #INTERRUPTED}; returns how many. Safe on several nodes at once: a row is
     * deleted, by its key and its last write, in the transaction of its entry.
     */
    public int recoverInterrupted() {
        Timestamp staleBefore = millis(clock.instant().minus(properties.brokerReadPeriod().multipliedBy(3)));
        List<Stored> stale = jdbc.query("SELECT * FROM hub_audit_broker_read WHERE updated_at < ? ORDER BY reads_from",
                BrokerReadProgress::stored, staleBefore);
        int recovered = 0;
        long messages = 0;
        for (Stored s : stale) {
            Boolean done = tx.execute(status -> {
                if (jdbc.update("DELETE FROM hub_audit_broker_read WHERE consumer_key = ? AND updated_at = ?",
                        s.reads().consumerKey(), s.updatedAt()) == 0) {
                    return false; // another node recovered it, or its consumer is alive after all and wrote again
                }
                append(s.reads(), INTERRUPTED);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                recovered++;
                messages += s.reads().count();
            }
        }
        if (recovered > 0) {
            LOG.info("audit: {} broker consumer(s) the hub stopped without closing recorded as FEED_READ '{}'"
                    + " ({} messages up to their last progress write)", recovered, INTERRUPTED, messages);
        }
        return recovered;
    }

    /** Rows not yet turned into entries (open consumers, and interrupted ones not yet recovered). */
    public List<Reads> pending() {
        return jdbc.query("SELECT * FROM hub_audit_broker_read ORDER BY reads_from", BrokerReadProgress::stored)
                .stream().map(Stored::reads).toList();
    }

    private AuditEntry append(Reads r, String consumer) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("count", r.count());
        detail.put("idsSha256", r.idsSha256());
        detail.put("from", r.from().toString());
        detail.put("until", r.until().toString());
        detail.put("consumer", consumer);
        if (r.firstFeedSeq() != null) {
            detail.put("firstFeedSeq", r.firstFeedSeq());
            detail.put("lastFeedSeq", r.lastFeedSeq());
        }
        return audit.record(r.clientId(), r.role(), AuditAction.FEED_READ, "artemis:" + r.address(), detail);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("client_role");
        Reads r = new Reads(rs.getString("consumer_key"), rs.getString("client_id"),
                role == null ? null : Role.valueOf(role), rs.getString("address"), rs.getLong("read_count"),
                rs.getString("ids_sha256"), rs.getObject("first_feed_seq", Long.class),
                rs.getObject("last_feed_seq", Long.class), rs.getTimestamp("reads_from").toInstant(),
                rs.getTimestamp("reads_until").toInstant());
        return new Stored(r, rs.getTimestamp("updated_at"));
    }

    private static Timestamp millis(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private record Stored(Reads reads, Timestamp updatedAt) {
    }
}
