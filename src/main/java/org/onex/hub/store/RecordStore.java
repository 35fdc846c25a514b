package org.onex.hub.store;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
        insertMissingRecords(department, feed, candidates, states, now);
        List<StoreOutcome> outcomes = new ArrayList<>(candidates.size());
        List<PendingVersion> pending = new ArrayList<>();
        for (Candidate c : candidates) {
            HubRecord r = c.record();
            KeyState s = states.get(r.identity().sourceKey());
            String hash = HubJson.contentHash(r);
            if (hash.equals(s.hash)) {
                outcomes.add(new StoreOutcome(StoreOutcome.Kind.UNCHANGED, s.recordId, s.version, null));
                continue;
            }
            s.version++;
            s.hash = hash;
            HubRecord stored = r.withIdentity(r.identity().stored(s.recordId, s.version, 0L, hash))
                    .withTimes(r.times().withStoredAt(now));
            PendingVersion p = new PendingVersion(s, stored, c.sourcePayload());
            s.last = p;
            pending.add(p);
            outcomes.add(null); // filled once the version ids are known
        }
        insertVersions(pending, now);
        updateCurrent(states, now);
        insertOutbox(pending, now);
        int p = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                PendingVersion v = pending.get(p++);
                StoreOutcome.Kind kind = v.record.identity().version() == 1 ? StoreOutcome.Kind.STORED
                        : StoreOutcome.Kind.NEW_VERSION;
                outcomes.set(i, new StoreOutcome(kind, v.state.recordId, v.record.identity().version(), v.id));
            }
        }
        return outcomes;
    }

    private Map<String, KeyState> loadStates(String department, String feed, List<Candidate> candidates) {
        List<String> keys = candidates.stream().map(c -> c.record().identity().sourceKey()).distinct().toList();
        Map<String, KeyState> states = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(List.of(department, feed));
            args.addAll(chunk);
            jdbc.query("SELECT id, source_key, content_hash, current_version FROM hub_record"
                    + " WHERE department = ? AND feed = ? AND source_key IN (" + in + ")", rs -> {
                        KeyState s = new KeyState(rs.getLong(1), rs.getString(3), rs.getInt(4));
                        states.put(rs.getString(2), s);
                    }, args.toArray());
        }
        return states;
    }

    private void insertMissingRecords(String department, String feed, List<Candidate> candidates,
            Map<String, KeyState> states, Instant now) {
        Map<String, HubRecord> missing = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            String key = c.record().identity().sourceKey();
            if (!states.containsKey(key)) {
                missing.putIfAbsent(key, c.record());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<HubRecord> rows = new ArrayList<>(missing.values());
        Timestamp ts = Timestamp.from(now);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO hub_record (department, feed, source_key,"
                + " category, record_type, status, current_version, content_hash, credit_code, document_number,"
                + " created_at, updated_at) VALUES (?,?,?,?,?,?,0,'',?,?,?,?)", new String[] { "id" }),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                        HubRecord r = rows.get(i);
                        ps.setString(1, department);
                        ps.setString(2, feed);
                        ps.setString(3, r.identity().sourceKey());
                        ps.setString(4, r.category().name());
                        ps.setString(5, r.recordType().name());
                        ps.setString(6, r.status().name());
                        ps.setString(7, Columns.creditCode(r));
                        ps.setString(8, Columns.documentNumber(r));
                        ps.setTimestamp(9, ts);
                        ps.setTimestamp(10, ts);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = Columns.ids(keys);
        for (int i = 0; i < rows.size(); i++) {
            states.put(rows.get(i).identity().sourceKey(), new KeyState(ids.get(i), "", 0));
        }
    }

    private void insertVersions(List<PendingVersion> pending, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("INSERT INTO hub_record_version (record_id, version,"
                + " content_hash, department, feed, category, record_type, status, urgent, credit_code, decided_at,"
                + " source_updated_at, extracted_at, stored_at, envelope, source_payload)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] { "id" }),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                        PendingVersion p = pending.get(i);
                        HubRecord r = p.record;
                        ps.setLong(1, p.state.recordId);
                        ps.setInt(2, r.identity().version());
                        ps.setString(3, r.identity().contentHash());
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
                    }

                    @Override
                    public int getBatchSize() {
                        return pending.size();
                    }
                }, keys);
        List<Long> ids = Columns.ids(keys);
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).id = ids.get(i);
        }
    }

    private void updateCurrent(Map<String, KeyState> states, Instant now) {
        List<PendingVersion> last = states.values().stream().filter(s -> s.last != null).map(s -> s.last).toList();
        if (last.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE hub_record SET current_version = ?, current_version_id = ?, content_hash = ?,"
                + " status = ?, category = ?, record_type = ?, credit_code = ?, document_number = ?, updated_at = ?"
                + " WHERE id = ?", last, CHUNK, (ps, p) -> {
                    HubRecord r = p.record;
                    ps.setInt(1, r.identity().version());
                    ps.setLong(2, p.id);
                    ps.setString(3, r.identity().contentHash());
                    ps.setString(4, r.status().name());
                    ps.setString(5, r.category().name());
                    ps.setString(6, r.recordType().name());
                    ps.setString(7, Columns.creditCode(r));
                    ps.setString(8, Columns.documentNumber(r));
                    ps.setTimestamp(9, ts);
                    ps.setLong(10, p.state.recordId);
                });
    }

    private void insertOutbox(List<PendingVersion> pending, Instant now) {
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO hub_feed_outbox (version_id, sequenced, created_at) VALUES (?, FALSE, ?)",
                pending, CHUNK, (ps, p) -> {
                    ps.setLong(1, p.id);
                    ps.setTimestamp(2, ts);
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
        final long recordId;
        String hash;
        int version;
        PendingVersion last;

        KeyState(long recordId, String hash, int version) {
            this.recordId = recordId;
            this.hash = hash;
            this.version = version;
        }
    }

    private static final class PendingVersion {
        final KeyState state;
        final HubRecord record;
        final String sourcePayload;
        long id;

        PendingVersion(KeyState state, HubRecord record, String sourcePayload) {
            this.state = state;
            this.record = record;
            this.sourcePayload = sourcePayload;
        }
    }
}
