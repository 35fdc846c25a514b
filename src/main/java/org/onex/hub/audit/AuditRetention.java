package org.onex.hub.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onex.hub.audit.AuditVerifier.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes audit entries older than {@code hub.audit.retention} without breaking verification:
 * the hash of the last removed entry becomes the chain's anchor, where {@link AuditVerifier} starts, and an
 * AUDIT_PURGED entry written in the same transaction repeats the anchor so the verifier can tell it from one
 * moved by hand. The entries to remove are verified first: a broken stretch is kept (and reported), never
 * purged, because purging it would destroy the evidence.
 */
@Component
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final AuditProperties properties;
    private final Clock clock;

    public AuditRetention(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, AuditVerifier verifier,
            AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.verifier = verifier;
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges what is older than the retention; safe on several nodes at once (the head row serializes them). */
    public Result purge() {
        Instant olderThan = clock.instant().minus(properties.retention());
        ChainHead head = verifier.head();
        long upTo = lastToPurge(olderThan, head);
        if (upTo <= head.anchorSeq()) {
            return new Result(0, head.anchorSeq(), olderThan, null);
        }
        AuditVerification check = verifier.verifyUpTo(upTo);
        if (!check.valid()) {
            LOG.error("audit purge refused, entries up to {} are kept: {}", upTo, check.message());
            return new Result(0, head.anchorSeq(), olderThan, check);
        }
        Result result = tx.execute(status -> {
            long anchor = jdbc.queryForObject("SELECT anchor_seq FROM hub_audit_head WHERE id = 1 FOR UPDATE",
                    Long.class);
            if (anchor != head.anchorSeq()) { // another node purged meanwhile
                return new Result(0, anchor, olderThan, null);
            }
            String hash = jdbc.queryForObject("SELECT entry_hash FROM hub_audit WHERE seq = ?", String.class, upTo);
            int purged = jdbc.update("DELETE FROM hub_audit WHERE seq > ? AND seq <= ?", anchor, upTo);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("anchorSeq", upTo);
            detail.put("anchorHash", hash);
            detail.put("purged", purged);
            detail.put("olderThan", olderThan.toString());
            detail.put("retentionDays", properties.retention().toDays());
            AuditEntry entry = audit.record(AuditLog.HUB, AuditAction.AUDIT_PURGED, "hub_audit", detail);
            jdbc.update("UPDATE hub_audit_head SET anchor_seq = ?, anchor_hash = ?, anchored_at = ?,"
                    + " purge_entry_seq = ? WHERE id = 1", upTo, hash, Timestamp.from(entry.recordedAt()), entry.seq());
            return new Result(purged, upTo, olderThan, null);
        });
        LOG.info("audit purge: {}", result.message());
        return result;
    }

    /**
     * The newest entry that can go: every entry up to it is older than {@code olderThan}. Entries are in time
     * order but for clock differences between nodes, so a younger entry below the oldest ones stops it there.
     */
    private long lastToPurge(Instant olderThan, ChainHead head) {
        Timestamp cutoff = Timestamp.from(olderThan);
        Long newestOld = jdbc.queryForObject("SELECT MAX(seq) FROM hub_audit WHERE recorded_at < ? AND seq > ?",
                Long.class, cutoff, head.anchorSeq());
        if (newestOld == null) {
            return head.anchorSeq();
        }
        Long firstYoung = jdbc.queryForObject("SELECT MIN(seq) FROM hub_audit WHERE seq > ? AND seq <= ?"
                + " AND recorded_at >= ?", Long.class, head.anchorSeq(), newestOld, cutoff);
        return firstYoung == null ? newestOld : firstYoung - 1;
    }

    /**
     * What a purge did.
     *
     * @param purged         entries removed
     * @param anchorSeq      the anchor afterwards (the last entry removed so far)
     * @param olderThan      the cut-off: now minus the retention
     * @param refusedBecause why nothing was purged although entries were old enough (null when not refused)
     */
    public record Result(long purged, long anchorSeq, Instant olderThan, AuditVerification refusedBecause) {

        public String message() {
            if (refusedBecause != null) {
                return "refused, the entries to purge do not verify: " + refusedBecause.message();
            }
            return purged == 0 ? "nothing older than " + olderThan + " (anchor at entry " + anchorSeq + ")"
                    : "removed " + purged + " entries older than " + olderThan + ", the chain now starts after entry "
                            + anchorSeq;
        }
    }
}
