package org.onex.hub.store;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
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

    /** Stores the candidates of one department feed; the outcome list is in candidate order. */
    public List<StoreOutcome> upsert(String department, String feed, List<Candidate> candidates, Instant now) {
        Map<String, KeyState> states = loadStates(department, feed, candidates);
        // First decide everything in memory, so that each row of hub_record is written once per batch.
        List<KeyState> rowStates = new ArrayList<>(candidates.size());
        List<PendingVersion> pending = new ArrayList<>();
        List<PendingVersion> rowVersions = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            HubRecord r = c.record();
            KeyState s = states.computeIfAbsent(r.identity().sourceKey(), k -> new KeyState(0, "", 0, true));
            String hash = HubJson.contentHash(r);
            rowStates.add(s);
            if (hash.equals(s.hash)) {
                rowVersions.add(null);
                continue;
            }
            s.version++;
            s.hash = hash;
            PendingVersion p = new PendingVersion(s, s.version, hash, r.withTimes(r.times().withStoredAt(now)),
                    c.sourcePayload());
            s.last = p;
            pending.add(p);
            rowVersions.add(p);
        }
        insertNewRecords(department, feed, states, now);
        insertVersions(pending, now);
        updateChangedRecords(states, now);
        insertOutbox(pending, now);
        List<StoreOutcome> outcomes = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            KeyState s = rowStates.get(i);
            PendingVersion v = rowVersions.get(i);
            if (v == null) {
                outcomes.add(new StoreOutcome(StoreOutcome.Kind.UNCHANGED, s.recordId, s.version));
            } else {
                outcomes.add(new StoreOutcome(v.version == 1 ? StoreOutcome.Kind.STORED : StoreOutcome.Kind.NEW_VERSION,
                        s.recordId, v.version));
            }
        }
        return outcomes;
    }

    private Map<String, KeyState> loadStates(String department, String feed, List<Candidate> candidates) {
        List<String> keys = candidates.stream().map(c -> c.record().identity().sourceKey()).distinct().toList();
        Map<String, KeyState> states = new HashMap<>();
        forKeys(department, feed, "id, source_key, content_hash, current_version", keys, rs -> states.put(
                rs.getString(2), new KeyState(rs.getLong(1), rs.getString(3), rs.getInt(4), false)));
        return states;
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
                + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows, CHUNK, (ps, s) -> {
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
                + " source_updated_at, extracted_at, stored_at, envelope, source_payload)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", pending, CHUNK, (ps, p) -> {
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
                });
    }

    /** Moves existing records that got a new version to it (new records were inserted final). */
    private void updateChangedRecords(Map<String, KeyState> states, Instant now) {
        List<KeyState> changed = states.values().stream().filter(s -> !s.isNew && s.last != null).toList();
        if (changed.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE hub_record SET current_version = ?, content_hash = ?, status = ?, category = ?,"
                + " record_type = ?, credit_code = ?, document_number = ?, updated_at = ? WHERE id = ?", changed, CHUNK,
                (ps, s) -> {
                    HubRecord r = s.last.record;
                    ps.setInt(1, s.version);
                    ps.setString(2, s.hash);
                    ps.setString(3, r.status().name());
                    ps.setString(4, r.category().name());
                    ps.setString(5, r.recordType().name());
                    ps.setString(6, Columns.creditCode(r));
                    ps.setString(7, Columns.documentNumber(r));
                    ps.setTimestamp(8, ts);
                    ps.setLong(9, s.recordId);
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

    private static String toJson(HubRecord r) {
        try {
            return HubJson.mapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize record " + r.identity(), e);
        }
    }

    /** Mutable per-call state of one natural key; local to one upsert call, never shared. */
    private static final class KeyState {
        long recordId;
        String hash;
        int version;
        final boolean isNew;
        PendingVersion last;

        KeyState(long recordId, String hash, int version, boolean isNew) {
            this.recordId = recordId;
            this.hash = hash;
            this.version = version;
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

        PendingVersion(KeyState state, int version, String hash, HubRecord record, String sourcePayload) {
            this.state = state;
            this.version = version;
            this.hash = hash;
            this.record = record;
            this.sourcePayload = sourcePayload;
        }
    }
}
