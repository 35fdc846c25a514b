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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.onex.hub.schema.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Quarantine of rows that failed mapping or validation. The same bad row read again (a re-poll, a
 * look-back sweep, a repeated file, or another channel of the same feed: its database route and its SFTP
 * drop) is counted on its one open entry, which lists the channels it came through, not added twice
 * (issue 12 item 9).
 */
@Repository
public class QuarantineStore {

    /** The channel of a row whose source did not name one. */
    public static final String UNNAMED_CHANNEL = "unnamed";

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
     * failures (replay uses the latest form of the row). One indexed lookup per row (issue 13).
     */
    public long quarantine(String department, String feed, String sourceKey, String sourceRef, String channel,
            String payload, List<Violation> failures, Instant now) {
        String hash = sha256(payload);
        String openKey = openKey(department, feed, sourceKey, hash);
        String via = channel == null || channel.isBlank() ? UNNAMED_CHANNEL : truncate(channel.strip(), 128);
        String ref = truncate(sourceRef, 512);
        Timestamp ts = Timestamp.from(now);
        Optional<Long> open = jdbc.query("SELECT id FROM hub_quarantine WHERE open_key = ?",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(), openKey);
        long id;
        if (open.isPresent()) {
            id = open.get();
            jdbc.update("UPDATE hub_quarantine SET times_seen = times_seen + 1, last_seen_at = ?, source_ref = ?,"
                    + " payload_hash = ?, payload = ? WHERE id = ?", ts, ref, hash, payload, id);
            jdbc.update("DELETE FROM hub_quarantine_failure WHERE quarantine_id = ?", id);
            int seen = jdbc.update("UPDATE hub_quarantine_channel SET times_seen = times_seen + 1, last_seen_at = ?,"
                    + " source_ref = ? WHERE quarantine_id = ? AND channel = ?", ts, ref, id, via);
            if (seen == 0) {
                insertChannel(id, via, ref, ts);
            }
        } else {
            // a concurrent insert of the same row by another channel fails on the unique open_key: that batch
            // rolls back and is read again, and then finds this entry
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO hub_quarantine (department, feed, source_key, source_ref,"
                        + " payload_hash, payload, status, times_seen, created_at, last_seen_at, open_key)"
                        + " VALUES (?,?,?,?,?,?,'OPEN',1,?,?,?)", new String[] { "id" });
                ps.setString(1, department);
                ps.setString(2, feed);
                ps.setString(3, sourceKey);
                ps.setString(4, ref);
                ps.setString(5, hash);
                ps.setString(6, payload);
                ps.setTimestamp(7, ts);
                ps.setTimestamp(8, ts);
                ps.setString(9, openKey);
                return ps;
            }, key);
            id = Columns.ids(key).get(0);
            insertChannel(id, via, ref, ts);
        }
        List<Violation> errors = failures.stream().filter(Violation::isError).toList();
        final long qid = id;
        List<Integer> positions = java.util.stream.IntStream.range(0, errors.size()).boxed().toList();
        jdbc.batchUpdate("INSERT INTO hub_quarantine_failure (quarantine_id, position, field, rule, message)"
                + " VALUES (?,?,?,?,?)", positions, 100, (ps, i) -> {
                    Violation v = errors.get(i);
                    ps.setLong(1, qid);
                    ps.setInt(2, i);
                    ps.setString(3, v.field());
                    ps.setString(4, v.rule());
                    ps.setString(5, truncate(v.message(), 1024));
                });
        return id;
    }

    private void insertChannel(long id, String channel, String ref, Timestamp ts) {
        jdbc.update("INSERT INTO hub_quarantine_channel (quarantine_id, channel, times_seen, first_seen_at,"
                + " last_seen_at, source_ref) VALUES (?,?,1,?,?,?)", id, channel, ts, ts, ref);
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
