package org.onex.hub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.schema.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Quarantine of rows that failed mapping or validation. The same bad row read again (a re-poll, a
 * look-back sweep, a repeated file, or another channel of the same feed: its database route and its SFTP
 * drop) is counted on its one open entry, which lists the channels it came through, not added twice
 *.
 */
@Repository
public class QuarantineStore {

    /** The channel of a row whose source did not name one. */
    public static final String UNNAMED_CHANNEL = "unnamed";

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public QuarantineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** As {@link #quarantine(String, String, String, String, String, String, List, Instant)}, channel not named. */
    public long quarantine(String department, String feed, String sourceKey, String sourceRef, String payload,
            List<Violation> failures, Instant now) {
        return quarantine(department, feed, sourceKey, sourceRef, UNNAMED_CHANNEL, payload, failures, now);
    }

    /**
     * Records a failed row and returns its quarantine id. The same source row already open (by {@link #openKey}:
     * its source key, or its payload for a row without one) is the same entry, whatever channel brings it again:
     * the entry counts the sighting, adds or counts the channel, and takes the latest payload, reference and
     * failures (replay uses the latest form of the row).
     */
    public long quarantine(String department, String feed, String sourceKey, String sourceRef, String channel,
            String payload, List<Violation> failures, Instant now) {
        return quarantineAll(department, feed, channel, List.of(new Sighting(sourceKey, sourceRef, payload, failures)),
                now)[0];
    }

    /**
     * Records the failed rows of one batch and returns their quarantine ids, in order. Rows of the same identity
     * ({@link #openKey}) are counted together first, so the store is written once per distinct row, not once per
     * row (100,000 identical bad rows in one push were 100,000 updates of one entry, and on H2 every
     * update of a row already changed in the same transaction walked the earlier ones: 10,000 rows took over a
     * minute). The latest sighting of an identity gives its payload, reference and failures. Entries are found by
     * the unique {@code open_key} index and written in JDBC batches.
     */
    public long[] quarantineAll(String department, String feed, String channel, List<Sighting> rows, Instant now) {
        String via = channel == null || channel.isBlank() ? UNNAMED_CHANNEL : truncate(channel.strip(), 128);
        Map<String, Group> groups = new LinkedHashMap<>();
        String[] keys = new String[rows.size()];
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Sighting row = rows.get(i);
            String hash = hashes.computeIfAbsent(row.payload(), QuarantineStore::sha256);
            keys[i] = openKey(department, feed, row.sourceKey(), hash);
            groups.computeIfAbsent(keys[i], k -> new Group()).seen(row, hash);
        }
        findOpen(groups);
        Timestamp ts = Timestamp.from(now);
        List<Group> existing = groups.values().stream().filter(g -> g.id != 0).toList();
        List<Map.Entry<String, Group>> fresh = groups.entrySet().stream().filter(e -> e.getValue().id == 0).toList();
        jdbc.batchUpdate("UPDATE hub_quarantine SET times_seen = times_seen + ?, last_seen_at = ?, source_ref = ?,"
                + " payload_hash = ?, payload = ? WHERE id = ?", existing, CHUNK, (ps, g) -> {
                    ps.setInt(1, g.count);
                    ps.setTimestamp(2, ts);
                    ps.setString(3, truncate(g.last.sourceRef(), 512));
                    ps.setString(4, g.hash);
                    ps.setString(5, g.last.payload());
                    ps.setLong(6, g.id);
                });
        forIds(existing.stream().map(g -> g.id).toList(), (sql, args) -> jdbc.update(
                "DELETE FROM hub_quarantine_failure WHERE quarantine_id IN (" + sql + ")", args));
        // a concurrent insert of the same row by another channel fails on the unique open_key: that batch
        // rolls back and is read again, and then finds this entry
        jdbc.batchUpdate("INSERT INTO hub_quarantine (department, feed, source_key, source_ref, payload_hash, payload,"
                + " status, times_seen, created_at, last_seen_at, open_key) VALUES (?,?,?,?,?,?,'OPEN',?,?,?,?)",
                fresh, CHUNK, (ps, e) -> {
                    Group g = e.getValue();
                    ps.setString(1, department);
                    ps.setString(2, feed);
                    ps.setString(3, g.last.sourceKey());
                    ps.setString(4, truncate(g.last.sourceRef(), 512));
                    ps.setString(5, g.hash);
                    ps.setString(6, g.last.payload());
                    ps.setInt(7, g.count);
                    ps.setTimestamp(8, ts);
                    ps.setTimestamp(9, ts);
                    ps.setString(10, e.getKey());
                });
        // no generated keys (they stop batch rewriting): the new entries are read back by their open_key
        findOpen(groups);
        writeChannels(groups.values(), via, ts);
        writeFailures(groups.values());
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = groups.get(keys[i]).id;
        }
        return ids;
    }

    /** Fills in the id of each group's open entry, where there is one (one keyed query per chunk). */
    private void findOpen(Map<String, Group> groups) {
        List<String> missing = groups.entrySet().stream().filter(e -> e.getValue().id == 0).map(Map.Entry::getKey)
                .toList();
        forIds(missing, (sql, args) -> jdbc.query("SELECT id, open_key FROM hub_quarantine WHERE open_key IN (" + sql
                + ")", (RowCallbackHandler) rs -> groups.get(rs.getString(2)).id = rs.getLong(1), args));
    }

    private void writeChannels(Collection<Group> groups, String via, Timestamp ts) {
        Set<Long> known = new HashSet<>();
        forIds(groups.stream().map(g -> g.id).toList(), (sql, args) -> {
            List<Object> all = new ArrayList<>(List.of(via));
            all.addAll(List.of(args));
            jdbc.query("SELECT quarantine_id FROM hub_quarantine_channel WHERE channel = ? AND quarantine_id IN ("
                    + sql + ")", (RowCallbackHandler) rs -> known.add(rs.getLong(1)), all.toArray());
        });
        jdbc.batchUpdate("UPDATE hub_quarantine_channel SET times_seen = times_seen + ?, last_seen_at = ?,"
                + " source_ref = ? WHERE quarantine_id = ? AND channel = ?",
                groups.stream().filter(g -> known.contains(g.id)).toList(), CHUNK, (ps, g) -> {
                    ps.setInt(1, g.count);
                    ps.setTimestamp(2, ts);
                    ps.setString(3, truncate(g.last.sourceRef(), 512));
                    ps.setLong(4, g.id);
                    ps.setString(5, via);
                });
        jdbc.batchUpdate("INSERT INTO hub_quarantine_channel (quarantine_id, channel, times_seen, first_seen_at,"
                + " last_seen_at, source_ref) VALUES (?,?,?,?,?,?)",
                groups.stream().filter(g -> !known.contains(g.id)).toList(), CHUNK, (ps, g) -> {
                    ps.setLong(1, g.id);
                    ps.setString(2, via);
                    ps.setInt(3, g.count);
                    ps.setTimestamp(4, ts);
                    ps.setTimestamp(5, ts);
                    ps.setString(6, truncate(g.last.sourceRef(), 512));
                });
    }

    /** Every failed rule of each entry's latest sighting (nothing is dropped silently). */
    private void writeFailures(Collection<Group> groups) {
        List<Object[]> rows = new ArrayList<>();
        for (Group g : groups) {
            List<Violation> errors = g.last.failures().stream().filter(Violation::isError).toList();
            for (int i = 0; i < errors.size(); i++) {
                Violation v = errors.get(i);
                rows.add(new Object[] { g.id, i, v.field(), v.rule(), truncate(v.message(), 1024) });
            }
        }
        jdbc.batchUpdate("INSERT INTO hub_quarantine_failure (quarantine_id, position, field, rule, message)"
                + " VALUES (?,?,?,?,?)", rows, CHUNK, (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setInt(2, (Integer) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.setString(5, (String) r[4]);
                });
    }

    /** Runs {@code action} with "?,?,…" and the values, per chunk of at most {@value #CHUNK} values. */
    private static <T> void forIds(List<T> values, java.util.function.BiConsumer<String, Object[]> action) {
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<T> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            action.accept(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }

    /** A failed row as one batch saw it. */
    public record Sighting(String sourceKey, String sourceRef, String payload, List<Violation> failures) {
    }

    /** The sightings of one row identity in one batch; mutable, local to one call. */
    private static final class Group {
        long id;
        int count;
        Sighting last;
        String hash;

        void seen(Sighting row, String payloadHash) {
            count++;
            last = row;
            hash = payloadHash;
        }
    }

    /**
     * The identity of a source row while its entry is open: its source key within the department feed, which is
     * the same through every channel (a database row and the CSV line of the same licence have different
     * payloads: typed values against text); a row without a key can only be known by its payload.
     */
    static String openKey(String department, String feed, String sourceKey, String payloadHash) {
        return sourceKey == null || sourceKey.isBlank() ? department + "|" + feed + "|H|" + payloadHash
                : department + "|" + feed + "|K|" + sourceKey;
    }

    /** Marks open entries of these keys resolved because a valid row for the key has now been stored. */
    public int resolveKeys(String department, String feed, Collection<String> sourceKeys, String resolution,
            Instant now) {
        int total = 0;
        List<String> keys = new ArrayList<>(sourceKeys);
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), resolution, department, feed));
            args.addAll(chunk);
            total += jdbc.update("UPDATE hub_quarantine SET status = 'RESOLVED', resolved_at = ?, resolution = ?,"
                    + " open_key = NULL WHERE department = ? AND feed = ? AND status = 'OPEN' AND source_key IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
        }
        return total;
    }

    public void resolve(long id, String resolution, Instant now) {
        jdbc.update("UPDATE hub_quarantine SET status = 'RESOLVED', resolved_at = ?, resolution = ?, open_key = NULL"
                + " WHERE id = ?",
                Timestamp.from(now), resolution, id);
    }

    public Optional<QuarantineEntry> find(long id) {
        List<QuarantineEntry> found = jdbc.query("SELECT * FROM hub_quarantine WHERE id = ?", this::entry, id);
        return found.stream().findFirst();
    }

    /** Lists entries newest first; filters may be null. {@code beforeId} pages backwards. */
    public List<QuarantineEntry> list(QuarantineFilter f, Long beforeId, int limit) {
        Where where = new Where().eq("department", f.department()).eq("feed", f.feed()).eq("status", f.status())
                .and("EXISTS (SELECT 1 FROM hub_quarantine_failure x WHERE x.quarantine_id = hub_quarantine.id"
                        + " AND x.rule = ?)", f.rule());
        return jdbc.query(where.newestFirst("hub_quarantine", beforeId, limit), this::entry, where.args());
    }

    /**
     * Open quarantine grouped by rule × unit × feed (a row failing two rules is in two groups), the largest first.
     *
     * @param field  one field the rule failed on in the group, as an example
     * @param maxId  the newest entry of the group when listed: a bulk replay covers up to it
     */
    public record OpenGroup(String rule, String department, String feed, long rows, String field,
            Instant lastSeenAt, long maxId) {
    }

    /** The open quarantine by rule × unit × feed; {@code department} null for every unit. */
    public List<OpenGroup> openGroups(String department) {
        Where where = new Where().and("q.department = ?", department);
        return jdbc.query("SELECT f.rule, q.department, q.feed, COUNT(DISTINCT q.id) n, MIN(f.field) field,"
                + " MAX(q.last_seen_at) last_seen, MAX(q.id) max_id FROM hub_quarantine q"
                + " JOIN hub_quarantine_failure f ON f.quarantine_id = q.id" + where.sql() + " AND q.status = 'OPEN'"
                + " GROUP BY f.rule, q.department, q.feed ORDER BY n DESC, f.rule, q.department, q.feed",
                (rs, i) -> new OpenGroup(rs.getString("rule"), rs.getString("department"), rs.getString("feed"),
                        rs.getLong("n"), rs.getString("field"), Columns.instant(rs.getTimestamp("last_seen")),
                        rs.getLong("max_id")), where.args());
    }

    /** The open entries of one group up to {@code maxId}, oldest first. */
    public List<Long> openIds(String rule, String department, String feed, long maxId) {
        return jdbc.queryForList("SELECT q.id FROM hub_quarantine q WHERE q.status = 'OPEN' AND q.department = ?"
                + " AND q.feed = ? AND q.id <= ? AND EXISTS (SELECT 1 FROM hub_quarantine_failure f"
                + " WHERE f.quarantine_id = q.id AND f.rule = ?) ORDER BY q.id", Long.class, department, feed, maxId,
                rule);
    }

    public long countOpen(String department, String feed) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM hub_quarantine WHERE department = ? AND feed = ?"
                + " AND status = 'OPEN'", Long.class, department, feed);
        return n == null ? 0 : n;
    }

    private QuarantineEntry entry(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Violation> failures = jdbc.query("SELECT field, rule, message FROM hub_quarantine_failure"
                + " WHERE quarantine_id = ? ORDER BY position", (r, i) -> Violation.error(r.getString(1),
                        r.getString(2), r.getString(3)), id);
        List<QuarantineEntry.Channel> channels = jdbc.query("SELECT channel, times_seen, first_seen_at, last_seen_at,"
                + " source_ref FROM hub_quarantine_channel WHERE quarantine_id = ? ORDER BY first_seen_at, channel",
                (r, i) -> new QuarantineEntry.Channel(r.getString(1), r.getInt(2), Columns.instant(r.getTimestamp(3)),
                        Columns.instant(r.getTimestamp(4)), r.getString(5)), id);
        return new QuarantineEntry(id, rs.getString("department"), rs.getString("feed"), rs.getString("source_key"),
                rs.getString("source_ref"), rs.getString("payload"), rs.getString("status"), rs.getInt("times_seen"),
                Columns.instant(rs.getTimestamp("created_at")), Columns.instant(rs.getTimestamp("last_seen_at")),
                Columns.instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"), failures, channels);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
