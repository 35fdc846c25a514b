package org.onex.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onex.hub.schema.HubJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Alerts, one open row per (kind, department, feed, subject): the same condition raised again is
 * counted on its open alert. An acknowledged alert stays acknowledged; the condition recurring after
 * that opens a new one.
 */
@Repository
public class AlertStore {

    private final JdbcTemplate jdbc;

    public AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long raise(String kind, String severity, String department, String feed, String subject, String message,
            Instant now) {
        return raise(kind, severity, department, feed, subject, message, null, null, null, null, now);
    }

    /** As {@link #raise}, with the rule ID, an English message and the record or obligation concerned. */
    public long raise(String kind, String severity, String department, String feed, String subject, String message,
            String ruleId, String messageEn, Long recordId, Long obligationId, Instant now) {
        return raise(kind, severity, department, feed, subject, message, ruleId, messageEn, recordId, obligationId,
                null, List.of(), now);
    }

    /** As above, with the message as a code and typed arguments for the console ({@code alert.AlertText}). */
    public long raise(String kind, String severity, String department, String feed, String subject, String message,
            String ruleId, String messageEn, Long recordId, Long obligationId, String textCode, List<String> textArgs,
            Instant now) {
        String args = textCode == null ? null : truncate(HubJson.write(textArgs), 2048);
        Timestamp ts = Timestamp.from(now);
        List<Long> open = jdbc.queryForList("SELECT id FROM hub_alert WHERE kind = ? AND status = 'OPEN'"
                + " AND COALESCE(department, '') = ? AND COALESCE(feed, '') = ? AND subject = ?", Long.class,
                kind, nz(department), nz(feed), subject);
        if (!open.isEmpty()) {
            jdbc.update("UPDATE hub_alert SET times_seen = times_seen + 1, last_seen_at = ?, message = ?,"
                    + " message_en = COALESCE(?, message_en), text_code = ?, text_args = ? WHERE id = ?", ts,
                    truncate(message, 2048), truncate(messageEn, 2048), textCode, args, open.get(0));
            return open.get(0);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO hub_alert (kind, severity, department, feed, subject, message,"
                    + " status, times_seen, raised_at, last_seen_at, rule_id, message_en, record_id, obligation_id,"
                    + " text_code, text_args) VALUES (?,?,?,?,?,?,'OPEN',1,?,?,?,?,?,?,?,?)", new String[] { "id" });
            ps.setString(1, kind);
            ps.setString(2, severity);
            ps.setString(3, department);
            ps.setString(4, feed);
            ps.setString(5, truncate(subject, 512));
            ps.setString(6, truncate(message, 2048));
            ps.setTimestamp(7, ts);
            ps.setTimestamp(8, ts);
            ps.setString(9, ruleId);
            ps.setString(10, truncate(messageEn, 2048));
            ps.setObject(11, recordId);
            ps.setObject(12, obligationId);
            ps.setString(13, textCode);
            ps.setString(14, args);
            return ps;
        }, key);
        return Columns.ids(key).get(0);
    }

    /** Acknowledges an open alert; false if it does not exist or is not open. */
    public boolean acknowledge(long id, String by, String comment, Instant now) {
        return jdbc.update("UPDATE hub_alert SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,"
                + " ack_comment = ? WHERE id = ? AND status = 'OPEN'", Timestamp.from(now), by,
                truncate(comment, 1024), id) == 1;
    }

    /**
     * Closes the open alert of a condition that has cleared by itself (a stuck delivery delivered): it is
     * acknowledged by {@code by} with {@code comment}. False if no such alert is open.
     */
    public boolean resolve(String kind, String department, String subject, String by, String comment, Instant now) {
        return jdbc.update("UPDATE hub_alert SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,"
                + " ack_comment = ? WHERE kind = ? AND status = 'OPEN' AND COALESCE(department, '') = ? AND subject = ?",
                Timestamp.from(now), by, truncate(comment, 1024), kind, nz(department), subject) > 0;
    }

    public Optional<Alert> find(long id) {
        return jdbc.query("SELECT * FROM hub_alert WHERE id = ?", AlertStore::alert, id).stream().findFirst();
    }

    /** Newest first; null filters match all. {@code beforeId} pages backwards. */
    public List<Alert> list(String status, String department, String kind, Long beforeId, int limit) {
        return list(status, department, kind, null, beforeId, limit);
    }

    /** As {@link #list(String, String, String, Long, int)}, leaving the kind {@code exceptKind} out. */
    public List<Alert> list(String status, String department, String kind, String exceptKind, Long beforeId,
            int limit) {
        Where where = new Where().eq("status", status).eq("department", department).eq("kind", kind)
                .and("kind <> ?", exceptKind);
        return jdbc.query(where.newestFirst("hub_alert", beforeId, limit), AlertStore::alert, where.args());
    }

    /**
     * The alerts of one kind for one unit (or for the hub: department null), as the console groups them.
     *
     * @param maxId the newest alert of the group when it was listed: a bulk acknowledgement covers up to it, never
     *              an alert raised after the operator looked
     */
    public record AlertGroup(String kind, String department, long count, int timesSeen, boolean error,
            Instant lastSeenAt, long maxId) {
    }

    /**
     * Alerts grouped by kind × unit, the groups with errors first, then the largest; null filters match all,
     * {@code exceptKind} leaves one kind out (the console's actionable list leaves the late history out).
     */
    public List<AlertGroup> groups(String status, String department, String kind, String exceptKind) {
        Where where = new Where().eq("status", status).eq("department", department).eq("kind", kind)
                .and("kind <> ?", exceptKind);
        return jdbc.query("SELECT kind, department, COUNT(*) n, SUM(times_seen) seen,"
                + " MAX(CASE WHEN severity = 'ERROR' THEN 1 ELSE 0 END) err, MAX(last_seen_at) last_seen, MAX(id) max_id"
                + " FROM hub_alert" + where.sql() + " GROUP BY kind, department"
                + " ORDER BY err DESC, n DESC, kind, department", (rs, i) -> new AlertGroup(rs.getString("kind"),
                        rs.getString("department"), rs.getLong("n"), rs.getInt("seen"), rs.getInt("err") == 1,
                        Columns.instant(rs.getTimestamp("last_seen")), rs.getLong("max_id")), where.args());
    }

    /**
     * Acknowledges, with one comment, every open alert of a kind for a unit ({@code department} null: the hub's
     * own) up to {@code maxId}; the ids acknowledged, oldest first.
     */
    public List<Long> acknowledgeGroup(String kind, String department, long maxId, String by, String comment,
            Instant now) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM hub_alert WHERE status = 'OPEN' AND kind = ?"
                + " AND COALESCE(department, '') = ? AND id <= ? ORDER BY id", Long.class, kind, nz(department), maxId);
        List<Long> done = new java.util.ArrayList<>();
        for (Long id : ids) {
            if (acknowledge(id, by, comment, now)) {
                done.add(id);
            }
        }
        return done;
    }

    /** The kinds of alert in the store, for the console's filter. */
    public List<String> kinds() {
        return jdbc.queryForList("SELECT DISTINCT kind FROM hub_alert ORDER BY kind", String.class);
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getString("kind"), rs.getString("severity"), rs.getString("department"),
                rs.getString("feed"), rs.getString("subject"), rs.getString("message"), rs.getString("status"),
                rs.getInt("times_seen"), Columns.instant(rs.getTimestamp("raised_at")),
                Columns.instant(rs.getTimestamp("last_seen_at")), Columns.instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"), rs.getString("ack_comment"), rs.getString("rule_id"),
                rs.getString("message_en"), rs.getObject("record_id") == null ? null : rs.getLong("record_id"),
                rs.getObject("obligation_id") == null ? null : rs.getLong("obligation_id"),
                rs.getString("text_code"), textArgs(rs.getString("text_args")));
    }

    private static List<String> textArgs(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(HubJson.mapper().readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(); // a truncated list: the console falls back to the stored message
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
