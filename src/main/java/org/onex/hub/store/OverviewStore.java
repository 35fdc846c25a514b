package org.onex.hub.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per-department figures of the console's overview, one grouped query each: when each feed last
 * delivered rows (freshness), the last delivery, open alerts and open quarantine rows.
 */
@Repository
public class OverviewStore {

    /** When one department feed last delivered rows. */
    public record FeedActivity(String department, String feed, Instant lastRowsAt) {
    }

    private final JdbcTemplate jdbc;

    public OverviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeedActivity> feedActivity() {
        return jdbc.query("SELECT department, feed, last_rows_at FROM hub_feed_activity ORDER BY department, feed",
                (rs, n) -> new FeedActivity(rs.getString(1), rs.getString(2), Columns.instant(rs.getTimestamp(3))));
    }

    /** The latest {@code delivered_at} per department. */
    public Map<String, Instant> lastDelivery() {
        Map<String, Instant> out = new HashMap<>();
        jdbc.query("SELECT department, MAX(delivered_at) FROM hub_delivery WHERE delivered_at IS NOT NULL"
                + " GROUP BY department", rs -> {
                    out.put(rs.getString(1), Columns.instant(rs.getTimestamp(2)));
                });
        return out;
    }

    public Map<String, Long> openAlerts() {
        return counts("SELECT department, COUNT(*) FROM hub_alert WHERE status = 'OPEN' AND department IS NOT NULL"
                + " GROUP BY department");
    }

    public Map<String, Long> openQuarantine() {
        return counts("SELECT department, COUNT(*) FROM hub_quarantine WHERE status = 'OPEN' GROUP BY department");
    }

    /** Dead deliveries (dead letters) per department. */
    public Map<String, Long> deadDeliveries() {
        return counts("SELECT department, COUNT(*) FROM hub_delivery WHERE status = 'DEAD' GROUP BY department");
    }

    /** Exchanges (letters, transfers, joint actions) sent to a unit and not yet accepted, returned or disputed. */
    public Map<String, Long> pendingExchanges() {
        return counts("SELECT receiver, COUNT(*) FROM hub_exchange WHERE state = 'SUBMITTED' GROUP BY receiver");
    }

    /** Open quarantined rows per unit and rule (a row failing two rules counts under each), largest first. */
    public Map<String, Map<String, Long>> openQuarantineByRule() {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.query("SELECT q.department, f.rule, COUNT(DISTINCT q.id) n FROM hub_quarantine q"
                + " JOIN hub_quarantine_failure f ON f.quarantine_id = q.id WHERE q.status = 'OPEN'"
                + " GROUP BY q.department, f.rule ORDER BY n DESC, f.rule", rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                });
        return out;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }
}
