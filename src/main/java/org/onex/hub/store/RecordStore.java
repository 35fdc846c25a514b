package org.onex.hub.store;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.RecordStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Idempotent record store: the same content read again changes nothing, changed content becomes a
 * new version, and every new version gets an outbox row so that the feed publishes it after commit.
 * Works in batches (one query per step, not per row) and must run inside the caller's transaction.
 */
@Repository
public class RecordStore {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public RecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the candidates of one department feed; the outcome list is in candidate order. Newest source time
     * wins: a candidate whose source time is older than its record's current state is kept as
     * superseded history ({@code hub_record_superseded}) and neither becomes a version nor reaches the outbox.
     * The records this batch writes are locked ({@code SELECT … FOR UPDATE}, in id order) before anything is
     * written, and decided again if another node or route changed one meanwhile, so two writers of one record
     * always end on the newer row.
     */
    public List<StoreOutcome> upsert(String department, String feed, List<Candidate> candidates, Instant now) {
        Map<String, Loaded> loaded = loadStates(department, feed, candidates);
        Decision d = decide(candidates, loaded, now);
        Set<Long> locked = new HashSet<>();
        for (List<Long> toLock = d.existingWritten(locked); !toLock.isEmpty(); toLock = d.existingWritten(locked)) {
            Map<String, Loaded> fresh = lock(toLock);
            locked.addAll(toLock);
            boolean moved = false;
            for (Map.Entry<String, Loaded> e : fresh.entrySet()) {
                if (!e.getValue().equals(loaded.put(e.getKey(), e.getValue()))) {
                    moved = true;
                }
            }
            if (moved) {
                d = decide(candidates, loaded, now);
            }
        }
        insertNewRecords(department, feed, d.states, now);
        insertVersions(d.pending, now);
        updateChangedRecords(d.states, now);
        insertOutbox(d.pending, now);
        insertSuperseded(d.stale, now);
        List<StoreOutcome> outcomes = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            KeyState s = d.rowStates.get(i);
            Object v = d.rowResults.get(i);
            if (v instanceof PendingVersion p) {
                outcomes.add(new StoreOutcome(p.version == 1 ? StoreOutcome.Kind.STORED : StoreOutcome.Kind.NEW_VERSION,
                        s.recordId, p.version));
            } else if (v instanceof Stale st) {
                outcomes.add(new StoreOutcome(StoreOutcome.Kind.SUPERSEDED, s.recordId, st.currentVersion, st.reason));
            } else {
                outcomes.add(new StoreOutcome(StoreOutcome.Kind.UNCHANGED, s.recordId, s.version));
            }
        }
        return outcomes;
    }

    /** Decides every candidate in memory from the loaded states, so each row of hub_record is written once. */
    private static Decision decide(List<Candidate> candidates, Map<String, Loaded> loaded, Instant now) {
        Decision d = new Decision(candidates.size());
        for (Candidate c : candidates) {
            HubRecord r = c.record();
            KeyState s = d.states.computeIfAbsent(r.identity().sourceKey(), k -> {
                Loaded l = loaded.get(k);
                return l == null ? new KeyState(0, "", 0, null, null, true)
                        : new KeyState(l.id, l.hash, l.version, l.sourceTime, l.status, false);
            });
            String hash = HubJson.contentHash(r);
            Instant time = c.sourceTime();
            d.rowStates.add(s);
            if (hash.equals(s.hash)) {
                // the same state, confirmed by a newer source: later rows are judged against the newer time
                if (time != null && (s.sourceTime == null || time.isAfter(s.sourceTime))) {
                    s.sourceTime = time;
                    s.timeAdvanced = true;
                }
                d.rowResults.add(null);
                continue;
            }
            String reason = s.version == 0 ? null : staleness(time, r.status(), s);
            if (reason != null) {
                Stale st = new Stale(s, hash, r.withTimes(r.times().withStoredAt(now)), c, s.version, s.sourceTime,
                        reason);
                d.stale.add(st);
                d.rowResults.add(st);
                continue;
            }
            s.version++;
            s.hash = hash;
            s.status = r.status().name();
            if (time != null) {
                s.sourceTime = time; // an accepted row of unknown time keeps the known lower bound
            }
            PendingVersion p = new PendingVersion(s, s.version, hash, r.withTimes(r.times().withStoredAt(now)),
                    c.sourcePayload(), time);
            s.last = p;
            d.pending.add(p);
            d.rowResults.add(p);
        }
        return d;
    }

    /**
     * Why a changed row must not become current, or null when it may. Unknown times (rows stored before source
     * times were kept) keep the earlier behaviour, except that a row of unknown or equal time never undoes a
     * revocation (R-CATEGORIES: a revoked licence must not reappear as valid on the feed).
     */
    static String staleness(Instant time, RecordStatus incoming, KeyState s) {
        boolean revives = ended(s.status) && !ended(incoming.name());
        String current = "version " + s.version + " (" + s.status + (s.sourceTime == null ? "" : ", source time "
                + local(s.sourceTime)) + ")";
        if (s.sourceTime == null) {
            return null;
        }
        if (time == null) {
            return revives ? "the row has no source time and would revive the " + s.status + " " + current : null;
        }
        if (time.isBefore(s.sourceTime)) {
            return "source time " + local(time) + " is older than " + current;
        }
        if (time.equals(s.sourceTime) && revives) {
            return "source time " + local(time) + " is the same as that of the " + s.status + " " + current
                    + "; a row of the same time does not revive it";
        }
        return null;
    }

    private static boolean ended(String status) {
        return RecordStatus.REVOKED.name().equals(status) || RecordStatus.DELETED.name().equals(status);
    }

    private static String local(Instant t) {
        return OffsetDateTime.ofInstant(t, HubDates.ZONE).toString();
    }

    private Map<String, Loaded> loadStates(String department, String feed, List<Candidate> candidates) {
        List<String> keys = candidates.stream().map(c -> c.record().identity().sourceKey()).distinct().toList();
        Map<String, Loaded> states = new HashMap<>();
        forKeys(department, feed, "id, source_key, content_hash, current_version, source_time, status", keys,
                rs -> states.put(rs.getString(2), loaded(rs)));
        return states;
    }

    /** Locks these records (in id order, so that two writers never wait for each other) and reads them again. */
    private Map<String, Loaded> lock(List<Long> ids) {
        Map<String, Loaded> states = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("SELECT id, source_key, content_hash, current_version, source_time, status FROM hub_record"
                    + " WHERE id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id"
                    + " FOR UPDATE", (RowCallbackHandler) rs -> states.put(rs.getString(2), loaded(rs)),
                    chunk.toArray());
        }
        return states;
    }

    private static Loaded loaded(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Loaded(rs.getLong(1), rs.getString(3), rs.getInt(4), Columns.instant(rs.getTimestamp(5)),
                rs.getString(6));
    }

    /** Runs one keyed query per chunk of source keys (the index leads with source_key). */
    private void forKeys(String department, String feed, String columns, List<String> keys, RowCallbackHandler rows) {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(department, feed));
            args.addAll(chunk);
            jdbc.query("SELECT " + columns + " FROM hub_record WHERE department = ? AND feed = ? AND source_key IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", rows, args.toArray());
        }
    }

    /** Inserts records seen for the first time, already with their final version and hash. */
    private void insertNewRecords(String department, String feed, Map<String, KeyState> states, Instant now) {
        List<KeyState> rows = new ArrayList<>(states.values().stream().filter(s -> s.isNew).toList());
        if (rows.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        // No generated keys: they would stop the driver from rewriting the batch into multi-row inserts.
        jdbc.batchUpdate("INSERT INTO hub_record (department, feed, source_key,"
                + " category, record_type, status, current_version, content_hash, credit_code, document_number,"
                + " created_at, updated_at, source_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, CHUNK, (ps, s) -> {
                    HubRecord r = s.last.record;
                    ps.setString(1, department);
                    ps.setString(2, feed);
                    ps.setString(3, r.identity().sourceKey());
                    ps.setString(4, r.category().name());
                    ps.setString(5, r.recordType().name());
                    ps.setString(6, r.status().name());
                    ps.setInt(7, s.version);
                    ps.setString(8, s.hash);
                    ps.setString(9, Columns.creditCode(r));
                    ps.setString(10, Columns.documentNumber(r));
                    ps.setTimestamp(11, ts);
                    ps.setTimestamp(12, ts);
                    Columns.setInstant(ps, 13, s.sourceTime);
                });
        Map<String, KeyState> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.last.record.identity().sourceKey(), r));
        forKeys(department, feed, "id, source_key", new ArrayList<>(byKey.keySet()),
                rs -> byKey.get(rs.getString(2)).recordId = rs.getLong(1));
    }

    private void insertVersions(List<PendingVersion> pending, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO hub_record_version (record_id, version,"
                + " content_hash, department, feed, category, record_type, status, urgent, credit_code, decided_at,"
                + " source_updated_at, extracted_at, stored_at, envelope, source_payload, source_time)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", pending, CHUNK, (ps, p) -> {
                    // versionId 0 is a placeholder: the id exists only after the insert (FeedJson.envelopeText fills it in).
                    HubRecord r = p.record.withIdentity(p.record.identity().stored(p.state.recordId, p.version, 0L,
                            p.hash));
                    ps.setLong(1, p.state.recordId);
                    ps.setInt(2, p.version);
                    ps.setString(3, p.hash);
                    ps.setString(4, r.identity().department());
                    ps.setString(5, r.identity().feed());
                    ps.setString(6, r.category().name());
                    ps.setString(7, r.recordType().name());
                    ps.setString(8, r.status().name());
                    ps.setBoolean(9, r.urgent());
                    ps.setString(10, Columns.creditCode(r));
                    Columns.setInstant(ps, 11, r.times().decidedAt());
                    Columns.setInstant(ps, 12, r.times().sourceUpdatedAt());
                    Columns.setInstant(ps, 13, r.times().extractedAt());
                    ps.setTimestamp(14, ts);
                    ps.setString(15, toJson(r));
                    if (p.sourcePayload == null) {
                        ps.setNull(16, Types.VARCHAR);
                    } else {
                        ps.setString(16, p.sourcePayload);
                    }
                    Columns.setInstant(ps, 17, p.sourceTime);
                });
    }

    /**
     * Moves existing records that got a new version to it (new records were inserted final), and records the
     * newer source time of records an unchanged row confirmed.
     */
    private void updateChangedRecords(Map<String, KeyState> states, Instant now) {
        List<KeyState> confirmed = states.values().stream().filter(s -> !s.isNew && s.last == null && s.timeAdvanced)
                .toList();
        jdbc.batchUpdate("UPDATE hub_record SET source_time = ? WHERE id = ?", confirmed, CHUNK, (ps, s) -> {
            Columns.setInstant(ps, 1, s.sourceTime);
            ps.setLong(2, s.recordId);
        });
        List<KeyState> changed = states.values().stream().filter(s -> !s.isNew && s.last != null).toList();
        if (changed.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE hub_record SET current_version = ?, content_hash = ?, status = ?, category = ?,"
                + " record_type = ?, credit_code = ?, document_number = ?, updated_at = ?, source_time = ? WHERE id = ?",
                changed, CHUNK, (ps, s) -> {
                    HubRecord r = s.last.record;
                    ps.setInt(1, s.version);
                    ps.setString(2, s.hash);
                    ps.setString(3, r.status().name());
                    ps.setString(4, r.category().name());
                    ps.setString(5, r.recordType().name());
                    ps.setString(6, Columns.creditCode(r));
                    ps.setString(7, Columns.documentNumber(r));
                    ps.setTimestamp(8, ts);
                    Columns.setInstant(ps, 9, s.sourceTime);
                    ps.setLong(10, s.recordId);
                });
    }

    private void insertOutbox(List<PendingVersion> pending, Instant now) {
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO hub_feed_outbox (record_id, version, created_at) VALUES (?, ?, ?)",
                pending, CHUNK, (ps, p) -> {
                    ps.setLong(1, p.state.recordId);
                    ps.setInt(2, p.version);
                    ps.setTimestamp(3, ts);
                });
    }

    /**
     * Keeps superseded rows as history: once per distinct content of a record, and not at all when the content
     * is one of the record's versions already (an old export of a state the hub stored at its time).
     */
    private void insertSuperseded(List<Stale> stale, Instant now) {
        if (stale.isEmpty()) {
            return;
        }
        List<Long> ids = stale.stream().map(st -> st.state.recordId).distinct().toList();
        Set<String> known = new HashSet<>();
        for (String table : List.of("hub_record_version", "hub_record_superseded")) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                jdbc.query("SELECT record_id, content_hash FROM " + table + " WHERE record_id IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                        (RowCallbackHandler) rs -> known.add(rs.getLong(1) + "/" + rs.getString(2)), chunk.toArray());
            }
        }
        List<Stale> rows = stale.stream().filter(st -> known.add(st.state.recordId + "/" + st.hash)).toList();
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO hub_record_superseded (record_id, content_hash, status, source_time,"
                + " current_version, current_source_time, reason, source_ref, envelope, source_payload, received_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows, CHUNK, (ps, st) -> {
                    // version 0: a superseded row is history beside the versions, never one of them
                    HubRecord r = st.record.withIdentity(st.record.identity().stored(st.state.recordId, 0, 0L, st.hash));
                    ps.setLong(1, st.state.recordId);
                    ps.setString(2, st.hash);
                    ps.setString(3, r.status().name());
                    Columns.setInstant(ps, 4, st.candidate.sourceTime());
                    ps.setInt(5, st.currentVersion);
                    Columns.setInstant(ps, 6, st.currentTime);
                    ps.setString(7, AlertStore.truncate(st.reason, 1024));
                    ps.setString(8, AlertStore.truncate(st.candidate.sourceRef(), 512));
                    ps.setString(9, toJson(r));
                    if (st.candidate.sourcePayload() == null) {
                        ps.setNull(10, Types.VARCHAR);
                    } else {
                        ps.setString(10, st.candidate.sourcePayload());
                    }
                    ps.setTimestamp(11, ts);
                });
    }

    /** The superseded history of a record, oldest first (rows that lost against a newer state). */
    public List<Superseded> superseded(long recordId) {
        return jdbc.query("SELECT id, record_id, status, source_time, current_version, current_source_time, reason,"
                + " source_ref, envelope, received_at FROM hub_record_superseded WHERE record_id = ? ORDER BY id",
                (rs, n) -> new Superseded(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Columns.instant(rs.getTimestamp(4)), rs.getInt(5), Columns.instant(rs.getTimestamp(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), Columns.instant(rs.getTimestamp(10))),
                recordId);
    }

    private static String toJson(HubRecord r) {
        try {
            return HubJson.mapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize record " + r.identity(), e);
        }
    }

    /** A record's state as read from hub_record. */
    private record Loaded(long id, String hash, int version, Instant sourceTime, String status) {
    }

    /** What one pass of {@link #decide} made of the candidates. */
    private static final class Decision {
        final Map<String, KeyState> states = new HashMap<>();
        final List<KeyState> rowStates;
        /** Per candidate: a PendingVersion, a Stale, or null (unchanged). */
        final List<Object> rowResults;
        final List<PendingVersion> pending = new ArrayList<>();
        final List<Stale> stale = new ArrayList<>();

        Decision(int size) {
            rowStates = new ArrayList<>(size);
            rowResults = new ArrayList<>(size);
        }

        /** Existing records this decision writes that are not locked yet, in id order. */
        List<Long> existingWritten(Set<Long> locked) {
            Set<Long> ids = new TreeSet<>();
            states.values().stream().filter(s -> !s.isNew && (s.last != null || s.timeAdvanced))
                    .forEach(s -> ids.add(s.recordId));
            stale.stream().filter(st -> !st.state.isNew).forEach(st -> ids.add(st.state.recordId));
            ids.removeAll(locked);
            return List.copyOf(ids);
        }
    }

    /** A candidate older than its record's current state. */
    private record Stale(KeyState state, String hash, HubRecord record, Candidate candidate, int currentVersion,
            Instant currentTime, String reason) {
    }

    /** Mutable per-call state of one natural key; local to one upsert call, never shared. */
    static final class KeyState {
        long recordId;
        String hash;
        int version;
        Instant sourceTime;
        String status;
        final boolean isNew;
        PendingVersion last;
        boolean timeAdvanced;

        KeyState(long recordId, String hash, int version, Instant sourceTime, String status, boolean isNew) {
            this.recordId = recordId;
            this.hash = hash;
            this.version = version;
            this.sourceTime = sourceTime;
            this.status = status;
            this.isNew = isNew;
        }
    }

    /** A version to insert. */
    private static final class PendingVersion {
        final KeyState state;
        final int version;
        final String hash;
        final HubRecord record;
        final String sourcePayload;
        final Instant sourceTime;

        PendingVersion(KeyState state, int version, String hash, HubRecord record, String sourcePayload,
                Instant sourceTime) {
            this.state = state;
            this.version = version;
            this.hash = hash;
            this.record = record;
            this.sourcePayload = sourcePayload;
            this.sourceTime = sourceTime;
        }
    }
}
