package org.onex.hub.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rows stored per unit and hour and their lag (the console overview's strips, issue 17 item 1), counted from the
 * feed in feed order: {@link #sample} reads the places after the counter {@code activity_seq}, adds them to their
 * hours and moves the counter in one transaction, so a crash counts nothing twice and misses nothing. One node runs
 * it (the route {@code activity-sample}); hours older than {@link #KEPT} are dropped as it goes.
 */
@Repository
public class ActivityStore {

    /** How long hours are kept: the overview shows at most 7 days. */
    public static final Duration KEPT = Duration.ofDays(8);

    /**
     * One unit's hour.
     *
     * @param lagAvgMs mean time from the change in the department's system to the hub's store, of the rows whose
     *                 source gives that time (null when none does)
     */
    public record Hour(String department, Instant start, long rows, Long lagAvgMs, Long lagMaxMs) {
    }

    private final JdbcTemplate jdbc;

    public ActivityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts up to {@code limit} feed places after the last counted; the number counted. */
    @Transactional
    public int sample(int limit, Instant now) {
        Long after = jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'activity_seq'"
                + " FOR UPDATE", Long.class);
        Map<String, long[]> hours = new TreeMap<>(); // department \0 hour epoch ms → rows, lag n, lag sum, lag max
        long[] last = {after == null ? 0 : after};
        int[] n = {0};
        jdbc.query("SELECT f.seq, v.department, v.stored_at, v.source_updated_at FROM hub_feed f"
                + " JOIN hub_record_version v ON v.id = f.version_id WHERE f.seq > ? ORDER BY f.seq LIMIT ?", rs -> {
                    Instant stored = Columns.instant(rs.getTimestamp(3));
                    Instant changed = Columns.instant(rs.getTimestamp(4));
                    long hour = stored.truncatedTo(ChronoUnit.HOURS).toEpochMilli();
                    long[] h = hours.computeIfAbsent(rs.getString(2) + "\u0000" + hour, k -> new long[4]);
                    h[0]++;
                    if (changed != null) {
                        long lag = Math.max(0, Duration.between(changed, stored).toMillis());
                        h[1]++;
                        h[2] += lag;
                        h[3] = Math.max(h[3], lag);
                    }
                    last[0] = rs.getLong(1);
                    n[0]++;
                }, last[0], limit);
        hours.forEach((key, h) -> {
            String[] k = key.split("\u0000");
            Timestamp start = Timestamp.from(Instant.ofEpochMilli(Long.parseLong(k[1])));
            int updated = jdbc.update("UPDATE hub_activity_hour SET row_count = row_count + ?, lag_count = lag_count"
                    + " + ?, lag_sum_ms = lag_sum_ms + ?, lag_max_ms = GREATEST(lag_max_ms, ?) WHERE department = ?"
                    + " AND hour_start = ?", h[0], h[1], h[2], h[3], k[0], start);
            if (updated == 0) {
                jdbc.update("INSERT INTO hub_activity_hour (department, hour_start, row_count, lag_count, lag_sum_ms,"
                        + " lag_max_ms) VALUES (?,?,?,?,?,?)", k[0], start, h[0], h[1], h[2], h[3]);
            }
        });
        if (n[0] > 0) {
            jdbc.update("UPDATE hub_counter SET counter_value = ? WHERE name = 'activity_seq'", last[0]);
        }
        jdbc.update("DELETE FROM hub_activity_hour WHERE hour_start < ?", Timestamp.from(now.minus(KEPT)));
        return n[0];
    }

    /** Every unit's hours from {@code from}, oldest first. */
    public List<Hour> since(Instant from) {
        return jdbc.query("SELECT department, hour_start, row_count, lag_count, lag_sum_ms, lag_max_ms"
                + " FROM hub_activity_hour WHERE hour_start >= ? ORDER BY department, hour_start", (rs, i) -> {
                    long lagN = rs.getLong(4);
                    return new Hour(rs.getString(1), Columns.instant(rs.getTimestamp(2)), rs.getLong(3),
                            lagN == 0 ? null : rs.getLong(5) / lagN, lagN == 0 ? null : rs.getLong(6));
                }, Timestamp.from(from));
    }
}
