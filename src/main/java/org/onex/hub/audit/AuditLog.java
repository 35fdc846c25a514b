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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.onex.hub.masking.ValueMasker;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The audit log: every feed read, push, operator and admin action and policy denial, appended
 * to {@code hub_audit} as a hash chain ({@link AuditEntry}) that {@link AuditVerifier} checks.
 *
 * <p>Why a head row: each append locks {@code hub_audit_head}, takes the next seq and the previous hash from it,
 * inserts the entry and moves the head, all in one transaction. So seq has no gaps (a database sequence would
 * leave one for every rollback) and appends from many threads and nodes form one chain. An append joins the
 * caller's transaction when there is one, so an action and its entry commit or roll back together; such a
 * caller should append last, after its own writes, keeping the head locked briefly and locks in one order.
 */
@Repository
public class AuditLog {

    /** The hub itself, for entries it writes on its own account (demo seeding, retention purge). */
    public static final Client HUB = new Client("hub", Role.ADMIN, null);

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).findAndRegisterModules()
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records an action of {@code client} on {@code target} (may be null), with a detail object (may be null). */
    public AuditEntry record(Client client, String action, String target, Map<String, ?> detail) {
        return append(client.id(), client.role() == null ? null : client.role().name(), action, target, json(detail));
    }

    public AuditEntry record(Client client, String action, String target, JsonNode detail) {
        return append(client.id(), client.role() == null ? null : client.role().name(), action, target, json(detail));
    }

    /** As {@link #record(Client, String, String, Map)} for a caller known only by id (e.g. a failed login). */
    public AuditEntry record(String clientId, Role role, String action, String target, Map<String, ?> detail) {
        return append(clientId, role == null ? null : role.name(), action, target, json(detail));
    }

    /** A feed read ({@value AuditAction#FEED_READ}): the query, how many records it returned and their digest. */
    public AuditEntry recordRead(Client client, String query, List<Long> recordIds) {
        return recordRead(client, AuditAction.FEED_READ, query, recordIds);
    }

    /**
     * A read of records by {@code action} (FEED_READ, RECORD_READ, EXPORT…). The target is the query; the detail
     * holds {@code count} and {@code idsSha256} ({@link #idsDigest}), enough to prove later which records a
     * client saw, by recomputing the digest from the records a query returns, without storing every id.
     */
    public AuditEntry recordRead(Client client, String action, String query, List<Long> recordIds) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("count", recordIds.size());
        detail.put("idsSha256", idsDigest(recordIds));
        return record(client, action, query, detail);
    }

    /** SHA-256 (hex) of the ids in the order returned, as decimal numbers joined by commas ("" when none). */
    public static String idsDigest(List<Long> recordIds) {
        return AuditEntry.sha256(recordIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private AuditEntry append(String clientId, String role, String action, String target, String detail) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a client id");
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action '" + action + "' is not A_NAME_LIKE_THIS (at most 48)");
        }
        String client = truncate(clientId, 64);
        String what = truncate(ValueMasker.text(target), 512); // a query may name an ID number
        return tx.execute(status -> {
            Head head = jdbc.queryForObject("SELECT last_seq, last_hash FROM hub_audit_head WHERE id = 1 FOR UPDATE",
                    (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            AuditEntry e = AuditEntry.chained(head.seq() + 1, now, client, role, action, what, detail, head.hash());
            jdbc.update("INSERT INTO hub_audit (seq, recorded_at, client_id, client_role, action, target, detail,"
                    + " prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?)", e.seq(), Timestamp.from(now), e.clientId(),
                    e.role(), e.action(), e.target(), e.detail(), e.prevHash(), e.hash());
            jdbc.update("UPDATE hub_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", e.seq(), e.hash());
            return e;
        });
    }

    /** Entries from {@code afterSeq} (exclusive) in seq order, at most {@code limit}: paging for readers. */
    public List<AuditEntry> page(long afterSeq, int limit) {
        return jdbc.query("SELECT * FROM hub_audit WHERE seq > ? ORDER BY seq LIMIT ?", AuditLog::entry, afterSeq,
                limit);
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("client_id"),
                rs.getString("client_role"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static String json(Object detail) {
        if (detail == null) {
            return "{}";
        }
        try {
            // details are kept with ID and mobile numbers masked by value, like every other output
            return JSON.writeValueAsString(ValueMasker.tree(JSON.valueToTree(detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-serializable: " + e.getOriginalMessage(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The chain head: seq and hash of the newest entry. */
    record Head(long seq, String hash) {
    }
}
