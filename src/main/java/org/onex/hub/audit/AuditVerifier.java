package org.onex.hub.audit;

import java.util.List;
import java.util.Optional;

import org.onex.hub.audit.AuditVerification.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks the audit chain from the purge anchor to the chain head, a page of entries at a time
 * (a table of millions is never held in memory), and names the first bad entry: altered (its hash does not
 * match its content), missing (seq jumps), not chained to its predecessor, or not the entry the head records.
 * A non-zero anchor must be confirmed by the AUDIT_PURGED entry the retention purge wrote with it, so deleting
 * old entries and moving the anchor by hand is detected too.
 *
 * <p>The chain is also checked against the anchors written outside the store ({@link AuditAnchors},
 * read before the head, so every anchor names an entry the head had reached): an entry an anchor names must have the
 * anchor's hash, and the chain must reach the newest anchor's entry. Newest entries deleted with the head moved back,
 * or the newest entry rewritten with its hash, are reported up to the newest anchor.
 */
@Repository
public class AuditVerifier {

    static final int PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AuditAnchors anchors;

    /** A verifier of the chain alone, without anchors. */
    public AuditVerifier(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    @Autowired
    public AuditVerifier(JdbcTemplate jdbc, AuditAnchors anchors) {
        this.jdbc = jdbc;
        this.anchors = anchors;
    }

    /** Verifies the whole chain as it is when the call starts; entries appended meanwhile are left for later. */
    public AuditVerification verify() {
        AuditVerification result = null;
        AnchorCheck check = anchors == null ? AnchorCheck.NONE : new AnchorCheck(anchors.read());
        for (int attempt = 0; attempt < 3; attempt++) {
            ChainHead head = head();
            result = walk(head, head.lastSeq(), check);
            if (result.valid() && head.lastSeq() > head.anchorSeq()) {
                String stored = jdbc.queryForList("SELECT entry_hash FROM hub_audit WHERE seq = ?", String.class,
                        head.lastSeq()).stream().findFirst().orElse(null);
                if (!head.lastHash().equals(stored)) {
                    result = AuditVerification.broken(Problem.HEAD_MISMATCH, head.lastSeq(), "entry " + head.lastSeq()
                            + " was altered or replaced (its hash is not the one the chain head records)",
                            result.checked(), result.fromSeq(), result.toSeq(), head.lastHash());
                }
            }
            if (result.valid()) {
                result = anchored(result, head, check);
            }
            // a purge that moved the anchor while we walked makes the purged entries look missing: walk again
            if (result.valid() || head().anchorSeq() == head.anchorSeq()) {
                return result;
            }
        }
        return result;
    }

    /** A valid chain checked against the anchors outside the store: reaches the newest, no forged line. */
    private static AuditVerification anchored(AuditVerification result, ChainHead head, AnchorCheck check) {
        Optional<String> truncated = check.truncation(head.lastSeq());
        if (truncated.isPresent()) {
            return AuditVerification.broken(Problem.TRUNCATED, head.lastSeq() + 1, truncated.get(), result.checked(),
                    result.fromSeq(), result.toSeq(), head.lastHash());
        }
        Optional<AuditAnchors.Line> forged = check.forged();
        if (forged.isPresent()) {
            return AuditVerification.broken(Problem.ANCHOR_FORGED, forged.get().anchor().seq(), "line "
                    + forged.get().number() + " of " + check.source() + " names the hub's anchor key but its signature"
                    + " does not match: the hub did not write it", result.checked(), result.fromSeq(), result.toSeq(),
                    head.lastHash());
        }
        return result.anchored(check.checked(), check.note());
    }

    /**
     * Verifies the entries after the anchor up to {@code lastSeq}: what the retention purge is about to remove,
     * so that it never destroys the evidence of a break. The entry after them is walked too: its link proves the
     * last of them was not rewritten together with its own hash.
     */
    AuditVerification verifyUpTo(long lastSeq) {
        ChainHead head = head();
        return walk(head, Math.min(lastSeq + 1, head.lastSeq()), AnchorCheck.NONE);
    }

    private AuditVerification walk(ChainHead head, long toSeq, AnchorCheck anchorCheck) {
        long from = head.anchorSeq() + 1;
        long expected = from;
        String prevHash = head.anchorHash();
        long checked = 0;
        Optional<String> atPurgeAnchor = head.anchorSeq() > 0 ? anchorCheck.mismatch(head.anchorSeq(),
                head.anchorHash()) : Optional.empty();
        if (atPurgeAnchor.isPresent()) {
            return AuditVerification.broken(Problem.ANCHOR_MISMATCH, head.anchorSeq(), atPurgeAnchor.get(), checked,
                    from, toSeq, head.lastHash());
        }
        while (expected <= toSeq) {
            List<AuditEntry> page = jdbc.query("SELECT * FROM hub_audit WHERE seq >= ? AND seq <= ? ORDER BY seq"
                    + " LIMIT ?", AuditLog::entry, expected, toSeq, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                if (e.seq() != expected) {
                    return AuditVerification.broken(Problem.MISSING, expected, missing(expected, e.seq() - 1)
                            + " (" + (expected == 1 ? "the log starts at entry " + e.seq()
                                    : "seq jumps from " + (expected - 1) + " to " + e.seq()) + ")",
                            checked, from, toSeq, head.lastHash());
                }
                if (!e.intact()) {
                    return AuditVerification.broken(Problem.ALTERED, e.seq(), "entry " + e.seq()
                            + " was altered (hash does not match its content)", checked, from, toSeq, head.lastHash());
                }
                if (!e.prevHash().equals(prevHash)) {
                    return AuditVerification.broken(Problem.UNCHAINED, e.seq(), "entry " + e.seq()
                            + " does not chain to " + (e.seq() - 1 == head.anchorSeq() && head.anchorSeq() > 0
                                    ? "the purge anchor (entry " + head.anchorSeq() + ")"
                                    : "entry " + (e.seq() - 1) + " (its previous hash is not that entry's hash)"),
                            checked, from, toSeq, head.lastHash());
                }
                Optional<String> mismatch = anchorCheck.mismatch(e.seq(), e.hash());
                if (mismatch.isPresent()) {
                    return AuditVerification.broken(Problem.ANCHOR_MISMATCH, e.seq(), mismatch.get(), checked, from,
                            toSeq, head.lastHash());
                }
                prevHash = e.hash();
                expected++;
                checked++;
            }
        }
        if (expected <= toSeq) {
            return AuditVerification.broken(Problem.MISSING, expected, missing(expected, toSeq) + " (the chain head is"
                    + " at " + toSeq + " but the log ends at " + (expected - 1) + ")", checked, from, toSeq,
                    head.lastHash());
        }
        Optional<String> unconfirmed = anchorProblem(head);
        if (unconfirmed.isPresent()) {
            return AuditVerification.broken(Problem.ANCHOR_UNCONFIRMED, head.anchorSeq(), unconfirmed.get(), checked,
                    from, toSeq, head.lastHash());
        }
        return AuditVerification.valid(checked, from, toSeq, head.lastHash());
    }

    /** Why the anchor is not the one the retention purge set, if it is not. */
    private Optional<String> anchorProblem(ChainHead head) {
        if (head.anchorSeq() == 0) {
            return Optional.empty();
        }
        String problem = "entries up to " + head.anchorSeq() + " were removed outside the retention purge (the purge"
                + " anchor is not confirmed by ";
        if (head.purgeEntrySeq() == null) {
            return Optional.of(problem + "an AUDIT_PURGED entry)");
        }
        Optional<AuditEntry> entry = jdbc.query("SELECT * FROM hub_audit WHERE seq = ?", AuditLog::entry,
                head.purgeEntrySeq()).stream().findFirst();
        boolean confirmed = entry.filter(AuditEntry::intact).filter(e -> AuditAction.AUDIT_PURGED.equals(e.action()))
                .map(e -> readTree(e.detail()))
                .filter(d -> d.path("anchorSeq").asLong(-1) == head.anchorSeq()
                        && head.anchorHash().equals(d.path("anchorHash").asText()))
                .isPresent();
        return confirmed ? Optional.empty()
                : Optional.of(problem + "its AUDIT_PURGED entry " + head.purgeEntrySeq() + ")");
    }

    private static String missing(long first, long last) {
        return first == last ? "entry " + first + " is missing" : "entries " + first + " to " + last + " are missing";
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The head row as it is now. */
    public ChainHead head() {
        return jdbc.queryForObject("SELECT last_seq, last_hash, anchor_seq, anchor_hash, purge_entry_seq"
                + " FROM hub_audit_head WHERE id = 1", (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), (Long) rs.getObject(5, Long.class)));
    }

    /** The head row: newest entry, and the purge anchor verification starts from. */
    public record ChainHead(long lastSeq, String lastHash, long anchorSeq, String anchorHash, Long purgeEntrySeq) {
    }
}
