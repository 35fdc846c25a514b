package org.onex.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onex.hub.schema.HubJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The delivery outbox and receipts. Rows are planned in the ingest transaction of the
 * decision they deliver, so a stored decision always has its deliveries and a rolled-back one has none.
 */
@Repository
public class DeliveryStore {

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans the delivery of a decision version to a department (PENDING); a repeat plans nothing. */
    public void plan(long recordId, int version, String department, String reason, Instant decidedAt, Instant now) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM hub_delivery WHERE record_id = ? AND version = ?"
                + " AND department = ?", Integer.class, recordId, version, department);
        if (exists != null && exists > 0) {
            return;
        }
        jdbc.update("INSERT INTO hub_delivery (record_id, version, department, route_reason, decided_at, status,"
                + " attempts, created_at) VALUES (?,?,?,?,?,'PENDING',0,?)", recordId, version, department,
                AlertStore.truncate(reason, 512), decidedAt == null ? null : Timestamp.from(decidedAt),
                Timestamp.from(now));
    }

    /** Pending deliveries in the order they were planned, with the envelope of their version. */
    public List<PendingDelivery> pending(int limit) {
        return jdbc.query("SELECT d.*, v.envelope, v.id AS version_id FROM (SELECT * FROM hub_delivery"
                + " WHERE status = 'PENDING' ORDER BY id LIMIT ?) d JOIN hub_record_version v"
                + " ON v.record_id = d.record_id AND v.version = d.version ORDER BY d.id",
                (rs, i) -> new PendingDelivery(delivery(rs, i), rs.getLong("version_id"), rs.getString("envelope")),
                limit);
    }

    public void markQueued(Collection<Long> ids, Instant now) {
        update("UPDATE hub_delivery SET status = 'QUEUED', queued_at = ? WHERE status = 'PENDING' AND id IN (%s)",
                ids, Timestamp.from(now));
    }

    /** The channel confirmed (row committed, file renamed, 2xx): first confirmation wins. */
    public void markDelivered(Collection<Long> ids, String channel, Instant now) {
        update("UPDATE hub_delivery SET status = 'DELIVERED', delivered_at = ?, channel = ?, last_attempt_at = ?,"
                + " attempts = attempts + 1, last_error = NULL WHERE status IN ('PENDING', 'QUEUED') AND id IN (%s)",
                ids, Timestamp.from(now), channel, Timestamp.from(now));
    }

    /** A failed attempt, visible to operators while the channel keeps retrying. */
    public void markAttemptFailed(Collection<Long> ids, String error, Instant now) {
        update("UPDATE hub_delivery SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?"
                + " WHERE status = 'QUEUED' AND id IN (%s)", ids, AlertStore.truncate(error, 2048), Timestamp.from(now));
    }

    public void markDead(Collection<Long> ids, String error, Instant now) {
        update("UPDATE hub_delivery SET status = 'DEAD', last_error = ?, last_attempt_at = ?"
                + " WHERE status = 'QUEUED' AND id IN (%s)", ids, AlertStore.truncate(error, 2048), Timestamp.from(now));
    }

    /**
     * Outbox deliveries that may not be sent at all (the sharing policy does not share the record with the
     * department): DEAD at once, with why, so that an operator sees them and the outbox does not offer them again.
     */
    public void markRefused(Collection<Long> ids, String error, Instant now) {
        update("UPDATE hub_delivery SET status = 'DEAD', last_error = ?, last_attempt_at = ?"
                + " WHERE status = 'PENDING' AND id IN (%s)", ids, AlertStore.truncate(error, 2048), Timestamp.from(now));
    }

    /** Queued deliveries go back to the outbox (behind a dead one in the same message). */
    public void requeue(Collection<Long> ids) {
        update("UPDATE hub_delivery SET status = 'PENDING' WHERE status = 'QUEUED' AND id IN (%s)", ids);
    }

    /** A dead delivery goes back to the outbox; false if it is not dead. */
    public boolean replay(long id, String by, Instant now) {
        return jdbc.update("UPDATE hub_delivery SET status = 'PENDING', attempts = 0, resolution = ?"
                + " WHERE id = ? AND status = 'DEAD'", AlertStore.truncate("replayed by " + by + " at " + now, 512),
                id) == 1;
    }

    /** An operator gives a dead delivery up; false if it is not dead. */
    public boolean discard(long id, String by, String comment, Instant now) {
        return jdbc.update("UPDATE hub_delivery SET status = 'DISCARDED', resolution = ? WHERE id = ? AND status = 'DEAD'",
                AlertStore.truncate("discarded by " + by + " at " + now + ": " + comment, 512), id) == 1;
    }

    /**
     * A consumer has these deliveries in hand and is making an attempt (each retry too): {@code last_attempt_at}
     * is its sign of life, without counting the attempt. The sweep leaves deliveries in hand alone.
     */
    public void touch(Collection<Long> ids, Instant now) {
        update("UPDATE hub_delivery SET last_attempt_at = ? WHERE status IN ('PENDING', 'QUEUED') AND id IN (%s)",
                ids, Timestamp.from(now));
    }

    /**
     * QUEUED deliveries that no consumer has shown to be working on since {@code quietSince} (queued before it, no
     * attempt after it), of a department whose consumer is either idle since then (no attempt on any of its
     * deliveries) or has already passed them (a delivery queued after them is DELIVERED: its queue is first in,
     * first out). After a crash these are the deliveries whose message is gone while the store still says QUEUED
     * (the message consumed but the confirmation lost, or the message lost); oldest first.
     */
    public List<Delivery> orphanCandidates(Instant quietSince, int limit) {
        Timestamp t = Timestamp.from(quietSince);
        return jdbc.query("SELECT * FROM hub_delivery d WHERE d.status = 'QUEUED' AND d.queued_at < ?"
                + " AND (d.last_attempt_at IS NULL OR d.last_attempt_at < ?)"
                + " AND (NOT EXISTS (SELECT 1 FROM hub_delivery b WHERE b.department = d.department"
                + " AND b.last_attempt_at >= ?) OR EXISTS (SELECT 1 FROM hub_delivery p WHERE p.department = d.department"
                + " AND p.status = 'DELIVERED' AND p.queued_at > d.queued_at)) ORDER BY d.id LIMIT ?",
                DeliveryStore::delivery, t, t, t, limit);
    }

    /**
     * Deliveries planned before {@code plannedBefore} and still not delivered (PENDING or QUEUED): stuck. Newest
     * first; null department matches all; {@code beforeId} pages backwards.
     */
    public List<Delivery> stuck(String department, Instant plannedBefore, Long beforeId, int limit) {
        Where where = new Where().eq("department", department).and("status IN ('PENDING', 'QUEUED') AND created_at < ?",
                Timestamp.from(plannedBefore));
        return jdbc.query(where.newestFirst("hub_delivery", beforeId, limit), DeliveryStore::delivery, where.args());
    }

    /** Stuck deliveries (see {@link #stuck}) by department: how many, and the oldest one. */
    public Map<String, StuckDeliveries> stuckByDepartment(Instant plannedBefore) {
        Map<String, StuckDeliveries> out = new java.util.TreeMap<>();
        jdbc.query("SELECT * FROM hub_delivery WHERE id IN (SELECT MIN(id) FROM hub_delivery WHERE status IN"
                + " ('PENDING', 'QUEUED') AND created_at < ? GROUP BY department)", rs -> {
                    Delivery oldest = delivery(rs, 0);
                    out.put(oldest.department(), new StuckDeliveries(oldest.department(), 0, oldest));
                }, Timestamp.from(plannedBefore));
        jdbc.query("SELECT department, COUNT(*) FROM hub_delivery WHERE status IN ('PENDING', 'QUEUED')"
                + " AND created_at < ? GROUP BY department", rs -> {
                    long count = rs.getLong(2);
                    out.computeIfPresent(rs.getString(1), (k, v) -> new StuckDeliveries(k, count, v.oldest()));
                }, Timestamp.from(plannedBefore));
        return out;
    }

    /**
     * How many deliveries are stuck: planned more than {@code olderThan} before {@code now} and still PENDING or
     * QUEUED (for the fault suite's "deliveries stuck" figure and for checks).
     */
    public long countStuck(java.time.Duration olderThan, Instant now) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM hub_delivery WHERE status IN ('PENDING', 'QUEUED')"
                + " AND created_at < ?", Long.class, Timestamp.from(now.minus(olderThan)));
        return n == null ? 0 : n;
    }

    /** The department confirmed it has the decision; false if it was not delivered or already acknowledged. */
    public boolean acknowledge(long id, String by, Instant now) {
        return jdbc.update("UPDATE hub_delivery SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?"
                + " AND status = 'DELIVERED' AND acknowledged_at IS NULL", Timestamp.from(now), by, id) == 1;
    }

    /** Delivered and not yet acknowledged deliveries of a department, for channels that poll for acks. */
    public List<Delivery> awaitingAck(String department, int limit) {
        return jdbc.query("SELECT * FROM hub_delivery WHERE department = ? AND status = 'DELIVERED'"
                + " AND acknowledged_at IS NULL ORDER BY id LIMIT ?", DeliveryStore::delivery, department, limit);
    }

    public Optional<Delivery> find(long id) {
        return jdbc.query("SELECT * FROM hub_delivery WHERE id = ?", DeliveryStore::delivery, id).stream().findFirst();
    }

    public List<Delivery> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(ids);
        return jdbc.query("SELECT * FROM hub_delivery WHERE id IN (" + marks(ids.size()) + ") ORDER BY id",
                DeliveryStore::delivery, args.toArray());
    }

    /**
     * The envelope of a delivery's version, with the version's id in {@code identity.versionId} (the stored text
     * holds 0 there: the id exists only after the insert).
     */
    public Optional<String> envelope(long recordId, int version) {
        return jdbc.query("SELECT id, envelope FROM hub_record_version WHERE record_id = ? AND version = ?",
                (rs, n) -> withVersionId(rs.getString("envelope"), rs.getLong("id")), recordId, version).stream()
                .findFirst();
    }

    private static String withVersionId(String envelope, long versionId) {
        try {
            ObjectNode node = (ObjectNode) HubJson.mapper().readTree(envelope);
            node.with("identity").put("versionId", versionId);
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored envelope of version " + versionId + " is not JSON", e);
        }
    }

    /** Newest first; null filters match all; {@code beforeId} pages backwards. */
    public List<Delivery> list(String department, String status, Long recordId, Long beforeId, int limit) {
        Where where = new Where().eq("department", department).eq("status", status).eq("record_id", recordId);
        return jdbc.query(where.newestFirst("hub_delivery", beforeId, limit), DeliveryStore::delivery, where.args());
    }

    /**
     * The departments each record is routed to (any version, any status): for a C3 decision the departments it
     * concerns (R-PENALTY-FEEDBACK). Records without deliveries are absent from the map.
     */
    public Map<Long, Set<String>> departmentsOf(Collection<Long> recordIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT DISTINCT record_id, department FROM hub_delivery WHERE record_id IN ("
                + marks(recordIds.size()) + ")", rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, new ArrayList<Object>(recordIds).toArray());
        return out;
    }

    /** The department whose C2 licence or approval this is (credit code and licence or document number). */
    public List<String> licenceEnvelopes(String creditCode) {
        return jdbc.queryForList("SELECT v.envelope FROM hub_record r JOIN hub_record_version v ON v.record_id = r.id"
                + " AND v.version = r.current_version WHERE r.credit_code = ? AND r.category = 'C2' ORDER BY r.id DESC",
                String.class, creditCode);
    }

    private void update(String sqlWithIn, Collection<Long> ids, Object... leading) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(leading));
        args.addAll(ids);
        jdbc.update(String.format(sqlWithIn, marks(ids.size())), args.toArray());
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("record_id"), rs.getInt("version"), rs.getString("department"),
                rs.getString("route_reason"), Columns.instant(rs.getTimestamp("decided_at")), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("channel"),
                Columns.instant(rs.getTimestamp("created_at")), Columns.instant(rs.getTimestamp("queued_at")),
                Columns.instant(rs.getTimestamp("last_attempt_at")), Columns.instant(rs.getTimestamp("delivered_at")),
                Columns.instant(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledged_by"),
                rs.getString("resolution"));
    }
}
