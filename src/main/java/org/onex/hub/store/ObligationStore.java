package org.onex.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Obligations, their alert stages and feed activity. */
@Repository
public class ObligationStore {

    private final JdbcTemplate jdbc;

    public ObligationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an obligation unless it exists; returns its id, or empty if it already existed. */
    public Optional<Long> open(String ruleId, long recordId, String party, String responsible, String sourceKey,
            boolean urgent, Instant eventAt, Instant dueAt, Instant now) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM hub_obligation WHERE rule_id = ? AND record_id = ?"
                + " AND party = ?", Integer.class, ruleId, recordId, party);
        if (exists != null && exists > 0) {
            return Optional.empty();
        }
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO hub_obligation (rule_id, record_id, party, responsible, source_key,"
                    + " urgent, event_at, due_at, status, created_at) VALUES (?,?,?,?,?,?,?,?,'OPEN',?)",
                    new String[] { "id" });
            ps.setString(1, ruleId);
            ps.setLong(2, recordId);
            ps.setString(3, party);
            ps.setString(4, responsible);
            ps.setString(5, AlertStore.truncate(sourceKey, 256));
            ps.setBoolean(6, urgent);
            ps.setTimestamp(7, Timestamp.from(eventAt));
            ps.setTimestamp(8, Timestamp.from(dueAt));
            ps.setTimestamp(9, Timestamp.from(now));
            return ps;
        }, key);
        return Optional.of(Columns.ids(key).get(0));
    }

    /** An obligation met by the arrival of its record (completion: stored), already evaluated. */
    public record Arrival(String ruleId, long recordId, String party, String responsible, String sourceKey,
            boolean urgent, Instant eventAt, Instant dueAt, Instant completedAt, boolean late, int lateWorkingDays,
            long lateHours, String attribution, String note) {
    }

    /**
     * Inserts the obligations met by the arrival of their records, as one batch per ingest batch (it is on
     * the ingest path of every first version). Only for a record's first version, which is stored once.
     */
    public void insertCompleted(List<Arrival> arrivals, Instant now) {
        if (arrivals.isEmpty()) {
            return;
        }
        Timestamp created = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO hub_obligation (rule_id, record_id, party, responsible, source_key, urgent,"
                + " event_at, due_at, completed_at, status, late_working_days, late_hours, attribution,"
                + " attribution_note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", arrivals, arrivals.size(),
                (ps, a) -> {
                    ps.setString(1, a.ruleId());
                    ps.setLong(2, a.recordId());
                    ps.setString(3, a.party());
                    ps.setString(4, a.responsible());
                    ps.setString(5, AlertStore.truncate(a.sourceKey(), 256));
                    ps.setBoolean(6, a.urgent());
                    ps.setTimestamp(7, Timestamp.from(a.eventAt()));
                    ps.setTimestamp(8, Timestamp.from(a.dueAt()));
                    ps.setTimestamp(9, Timestamp.from(a.completedAt()));
                    ps.setString(10, a.late() ? Obligation.LATE : Obligation.MET);
                    ps.setInt(11, a.lateWorkingDays());
                    ps.setLong(12, a.lateHours());
                    ps.setString(13, a.attribution());
                    ps.setString(14, AlertStore.truncate(a.note(), 512));
                    ps.setTimestamp(15, created);
                });
    }

    /** Completes an open (or overdue) obligation; false if it was already completed. */
    public boolean complete(long id, Instant completedAt, boolean late, Integer lateWorkingDays, Long lateHours,
            String attribution, String note) {
        return jdbc.update("UPDATE hub_obligation SET completed_at = ?, status = ?, late_working_days = ?,"
                + " late_hours = ?, attribution = ?, attribution_note = ? WHERE id = ? AND status IN ('OPEN', 'OVERDUE')",
                Timestamp.from(completedAt), late ? Obligation.LATE : Obligation.MET, lateWorkingDays, lateHours,
                attribution, AlertStore.truncate(note, 512), id) == 1;
    }

    public boolean markOverdue(long id) {
        return jdbc.update("UPDATE hub_obligation SET status = 'OVERDUE' WHERE id = ? AND status = 'OPEN'", id) == 1;
    }

    /**
     * Claims an alert stage of an obligation; true for the one caller (node, restart) that gets it. Without
     * an exception for the usual repeat (it would abort a PostgreSQL transaction); scanners are serialized
     * by {@link #lockScan}, and the primary key settles anything else.
     */
    public boolean claimStage(long obligationId, String stage, Instant now) {
        return jdbc.update("INSERT INTO hub_obligation_alert (obligation_id, stage, created_at) SELECT ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM hub_obligation_alert WHERE obligation_id = ? AND stage = ?)",
                obligationId, stage, Timestamp.from(now), obligationId, stage) == 1;
    }

    /** Obligations met late, due after {@code dueAfter}, whose late alert has not been raised yet. */
    public List<Obligation> lateWithoutAlert(Instant dueAfter, int limit) {
        return jdbc.query("SELECT * FROM hub_obligation o WHERE o.status = 'LATE' AND o.due_at > ? AND NOT EXISTS"
                + " (SELECT 1 FROM hub_obligation_alert a WHERE a.obligation_id = o.id AND a.stage = 'LATE')"
                + " ORDER BY o.id LIMIT ?", ObligationStore::obligation, Timestamp.from(dueAfter), limit);
    }

    /** Open or overdue obligations due before {@code until}, oldest due first. */
    public List<Obligation> openDueBefore(Instant until, int limit) {
        return jdbc.query("SELECT * FROM hub_obligation WHERE status IN ('OPEN', 'OVERDUE') AND due_at < ?"
                + " ORDER BY due_at LIMIT ?", ObligationStore::obligation, Timestamp.from(until), limit);
    }

    /** Open or overdue obligations of rules completed by a delivery. */
    public List<Obligation> openOf(List<String> ruleIds, int limit) {
        if (ruleIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(ruleIds);
        args.add(limit);
        return jdbc.query("SELECT * FROM hub_obligation WHERE status IN ('OPEN', 'OVERDUE') AND rule_id IN ("
                + String.join(",", java.util.Collections.nCopies(ruleIds.size(), "?")) + ") ORDER BY id LIMIT ?",
                ObligationStore::obligation, args.toArray());
    }

    /** The obligation of a rule for a record towards a party, if opened. */
    public Optional<Obligation> find(String ruleId, long recordId, String party) {
        return jdbc.query("SELECT * FROM hub_obligation WHERE rule_id = ? AND record_id = ? AND party = ?",
                ObligationStore::obligation, ruleId, recordId, party).stream().findFirst();
    }

    /**
     * Moves an open obligation's due time: the event it counts from became known later (an exchange's receipt), or
     * an extension was agreed ({@code extended}: R-ASSIST-EXTEND, counted as extended on the scorecards). An
     * OVERDUE obligation whose new due time lies ahead is OPEN again.
     */
    public boolean moveDue(long id, Instant eventAt, Instant dueAt, boolean extended, Instant now) {
        return jdbc.update("UPDATE hub_obligation SET event_at = ?, due_at = ?, extended_at = CASE WHEN ? THEN ?"
                + " ELSE extended_at END, status = CASE WHEN status = 'OVERDUE' AND ? > ? THEN 'OPEN' ELSE status END"
                + " WHERE id = ? AND status IN ('OPEN', 'OVERDUE')", Timestamp.from(eventAt), Timestamp.from(dueAt),
                extended, Timestamp.from(now), Timestamp.from(dueAt), Timestamp.from(now), id) == 1;
    }

    public Optional<Obligation> find(long id) {
        return jdbc.query("SELECT * FROM hub_obligation WHERE id = ?", ObligationStore::obligation, id).stream()
                .findFirst();
    }

    public List<Obligation> list(String ruleId, String responsible, String status, Long beforeId, int limit) {
        Where where = new Where().eq("rule_id", ruleId).eq("responsible", responsible).eq("status", status);
        return jdbc.query(where.newestFirst("hub_obligation", beforeId, limit), ObligationStore::obligation,
                where.args());
    }

    /** Obligations whose event falls in [from, to), for the scorecards. */
    public List<Obligation> withEventBetween(Instant from, Instant to, String responsible) {
        return jdbc.query("SELECT * FROM hub_obligation WHERE event_at >= ? AND event_at < ?"
                + (responsible == null ? "" : " AND responsible = ?") + " ORDER BY id", ObligationStore::obligation,
                responsible == null ? new Object[] { Timestamp.from(from), Timestamp.from(to) }
                        : new Object[] { Timestamp.from(from), Timestamp.from(to), responsible });
    }

    /** Earliest delivery (or acknowledgement) of a record to a department, if any. */
    public Optional<Instant> deliveredAt(long recordId, String department, boolean acknowledged) {
        String column = acknowledged ? "acknowledged_at" : "delivered_at";
        return jdbc.query("SELECT MIN(" + column + ") FROM hub_delivery WHERE record_id = ? AND department = ?",
                (rs, i) -> Columns.instant(rs.getTimestamp(1)), recordId, department).stream().filter(
                        java.util.Objects::nonNull).findFirst();
    }

    /** source_updated_at, extracted_at and stored_at of a record's first version (nulls where unknown). */
    public Instant[] firstVersionTimes(long recordId) {
        return jdbc.query("SELECT source_updated_at, extracted_at, stored_at FROM hub_record_version WHERE record_id = ?"
                + " AND version = 1", (rs, i) -> new Instant[] { Columns.instant(rs.getTimestamp(1)),
                        Columns.instant(rs.getTimestamp(2)), Columns.instant(rs.getTimestamp(3)) }, recordId).stream()
                .findFirst().orElse(new Instant[3]);
    }

    /** Departments a record's first version is delivered to. */
    public List<String> deliveryDepartments(long recordId) {
        return jdbc.queryForList("SELECT department FROM hub_delivery WHERE record_id = ? ORDER BY id", String.class,
                recordId);
    }

    /** Serializes scanners of several nodes: the caller's transaction holds this row until it ends. */
    public void lockScan() {
        jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'obligation_scan' FOR UPDATE",
                Long.class);
    }

    static Obligation obligation(ResultSet rs, int row) throws SQLException {
        return new Obligation(rs.getLong("id"), rs.getString("rule_id"), rs.getLong("record_id"), rs.getString("party"),
                rs.getString("responsible"), rs.getString("source_key"), rs.getBoolean("urgent"),
                Columns.instant(rs.getTimestamp("event_at")), Columns.instant(rs.getTimestamp("due_at")),
                Columns.instant(rs.getTimestamp("completed_at")), rs.getString("status"),
                rs.getObject("late_working_days") == null ? null : rs.getInt("late_working_days"),
                rs.getObject("late_hours") == null ? null : rs.getLong("late_hours"), rs.getString("attribution"),
                rs.getString("attribution_note"), Columns.instant(rs.getTimestamp("created_at")),
                Columns.instant(rs.getTimestamp("extended_at")));
    }
}
