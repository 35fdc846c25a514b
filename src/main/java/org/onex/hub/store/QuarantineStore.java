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
 * look-back sweep, a repeated file) is counted on its open entry, not added twice.
 */
@Repository
public class QuarantineStore {

    private final JdbcTemplate jdbc;

    public QuarantineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a failed row and returns its quarantine id. */
    public long quarantine(String department, String feed, String sourceKey, String sourceRef, String payload,
            List<Violation> failures, Instant now) {
        String hash = sha256(payload);
        Timestamp ts = Timestamp.from(now);
        Optional<Long> open = jdbc.query("SELECT id FROM hub_quarantine WHERE department = ? AND feed = ?"
                + " AND payload_hash = ? AND status = 'OPEN'", rs -> rs.next() ? Optional.of(rs.getLong(1))
                        : Optional.<Long>empty(), department, feed, hash);
        long id;
        if (open.isPresent()) {
            id = open.get();
            jdbc.update("UPDATE hub_quarantine SET times_seen = times_seen + 1, last_seen_at = ?, source_ref = ?"
                    + " WHERE id = ?", ts, sourceRef, id);
            jdbc.update("DELETE FROM hub_quarantine_failure WHERE quarantine_id = ?", id);
        } else {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO hub_quarantine (department, feed, source_key, source_ref,"
                        + " payload_hash, payload, status, times_seen, created_at, last_seen_at)"
                        + " VALUES (?,?,?,?,?,?,'OPEN',1,?,?)", new String[] { "id" });
                ps.setString(1, department);
                ps.setString(2, feed);
                ps.setString(3, sourceKey);
                ps.setString(4, sourceRef);
                ps.setString(5, hash);
                ps.setString(6, payload);
                ps.setTimestamp(7, ts);
                ps.setTimestamp(8, ts);
                return ps;
            }, key);
            id = Columns.ids(key).get(0);
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

    /** Marks open entries of these keys resolved because a valid row for the key has now been stored. */
    public int resolveKeys(String department, String feed, Collection<String> sourceKeys, String resolution,
            Instant now) {
        int total = 0;
        List<String> keys = new ArrayList<>(sourceKeys);
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), resolution, department, feed));
            args.addAll(chunk);
            total += jdbc.update("UPDATE hub_quarantine SET status = 'RESOLVED', resolved_at = ?, resolution = ?"
                    + " WHERE department = ? AND feed = ? AND status = 'OPEN' AND source_key IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
        }
        return total;
    }

    public void resolve(long id, String resolution, Instant now) {
        jdbc.update("UPDATE hub_quarantine SET status = 'RESOLVED', resolved_at = ?, resolution = ? WHERE id = ?",
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
        return new QuarantineEntry(id, rs.getString("department"), rs.getString("feed"), rs.getString("source_key"),
                rs.getString("source_ref"), rs.getString("payload"), rs.getString("status"), rs.getInt("times_seen"),
                Columns.instant(rs.getTimestamp("created_at")), Columns.instant(rs.getTimestamp("last_seen_at")),
                Columns.instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"), failures);
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
