package org.onex.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onex.hub.delivery.DeliveryRecoveryProperties;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of the hub's state for Prometheus ({@code /actuator/prometheus}), read from the hub store:
 * deliveries per department and status (outbox, queued, dead letters), obligations per rule and status
 * (late, overdue: R-ASSESS), open quarantine and alerts, and per department feed the seconds since it
 * last delivered rows. The store is read at most every 15 s, whatever the scrape rate. Counters
 * ({@code hub_ingest_rows_total}, {@code hub_files_total}) are incremented where things happen; poll
 * durations and last successes come from {@link SourceHealth}; {@code hub_watermark_lag_seconds} is now
 * minus the source time of each pull feed's watermark.
 */
@Component
public class HubMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeliveryRecoveryProperties deliveries;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private MeterRegistry registry;
    private volatile long readAt;

    public HubMetrics(JdbcTemplate jdbc, Clock clock, DeliveryRecoveryProperties deliveries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("hub_quarantine_open_rows", this, m -> m.value("quarantine")).description(
                "Rows waiting in quarantine").register(registry);
        Gauge.builder("hub_alerts_open", this, m -> m.value("alerts")).description("Open alerts").register(registry);
    }

    private double value(String key) {
        refresh();
        return values.getOrDefault(key, 0.0);
    }

    /**
     * Reads the store (at most every 15 s, when a gauge is read) and registers gauges for label sets seen
     * for the first time; they are exported from the next scrape on.
     */
    public synchronized void refresh() {
        long now = System.nanoTime();
        if (registry == null || now - readAt < Duration.ofSeconds(15).toNanos() && readAt != 0) {
            return;
        }
        readAt = now;
        values.put("quarantine", count("SELECT COUNT(*) FROM hub_quarantine WHERE status = 'OPEN'"));
        values.put("alerts", count("SELECT COUNT(*) FROM hub_alert WHERE status = 'OPEN'"));
        grouped("hub_deliveries", "SELECT department, status, COUNT(*) FROM hub_delivery GROUP BY department, status",
                "department", "status", "Deliveries of the bureau's decisions by department and status");
        stuckDeliveries();
        grouped("hub_obligations", "SELECT rule_id, status, COUNT(*) FROM hub_obligation GROUP BY rule_id, status",
                "rule", "status", "Obligations of the policy by rule and status");
        long nowMillis = clock.millis();
        jdbc.query("SELECT department, feed, last_rows_at FROM hub_feed_activity", rs -> {
            String department = rs.getString(1);
            String feed = rs.getString(2);
            String key = "silence|" + department + "|" + feed;
            java.sql.Timestamp last = rs.getTimestamp(3);
            double seconds = last == null ? 0 : Math.max(0, (nowMillis - last.getTime()) / 1000.0);
            if (values.put(key, seconds) == null) {
                Gauge.builder("hub_feed_silence_seconds", this, m -> m.values.getOrDefault(key, 0.0))
                        .description("Seconds since the department feed last delivered rows")
                        .tags("department", department, "feed", feed).register(registry);
            }
        });
        jdbc.query("SELECT department, feed, cursor_json FROM hub_watermark", rs -> {
            Instant at = watermarkTime(rs.getString(3));
            if (at == null) {
                return;
            }
            String key = "lag|" + rs.getString(1) + "|" + rs.getString(2);
            if (values.put(key, Math.max(0, (nowMillis - at.toEpochMilli()) / 1000.0)) == null) {
                Gauge.builder("hub_watermark_lag_seconds", this, m -> m.values.getOrDefault(key, 0.0))
                        .description("Now minus the source time of the department feed's watermark (pull feeds)")
                        .tags("department", rs.getString(1), "feed", rs.getString(2)).register(registry);
            }
        });
    }

    /**
     * The source time a pull feed's watermark stands at: {@code time} of a JDBC cursor (the source's
     * local time, read in the hub's zone) or {@code since} of an HTTP cursor; null for cursors without
     * a time (file and push feeds have none: their freshness is {@code hub_feed_silence_seconds}).
     */
    static Instant watermarkTime(String cursorJson) {
        try {
            JsonNode cursor = HubJson.mapper().readTree(cursorJson);
            String text = cursor.path("time").asText(cursor.path("since").asText(""));
            if (text.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(HubDates.ZONE).toInstant();
            }
        } catch (JsonProcessingException | DateTimeParseException e) {
            return null;
        }
    }

    private void grouped(String name, String sql, String label1, String label2, String description) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql);
        values.keySet().stream().filter(k -> k.startsWith(name + "|")).forEach(k -> values.put(k, 0.0));
        for (Map<String, Object> row : rows) {
            Object[] cols = row.values().toArray();
            String a = String.valueOf(cols[0]);
            String b = String.valueOf(cols[1]);
            String key = name + "|" + a + "|" + b;
            if (values.put(key, ((Number) cols[2]).doubleValue()) == null) {
                Gauge.builder(name, this, m -> m.values.getOrDefault(key, 0.0)).description(description)
                        .tags(label1, a, label2, b).register(registry);
            }
        }
    }

    /** {@code hub_deliveries_stuck{department}}, PENDING or QUEUED past {@code hub.delivery.stuck-after}. */
    private void stuckDeliveries() {
        values.keySet().stream().filter(k -> k.startsWith("stuck|")).forEach(k -> values.put(k, 0.0));
        jdbc.query("SELECT department, COUNT(*) FROM hub_delivery WHERE status IN ('PENDING', 'QUEUED')"
                + " AND created_at < ? GROUP BY department", rs -> {
                    String department = rs.getString(1);
                    String key = "stuck|" + department;
                    if (values.put(key, (double) rs.getLong(2)) == null) {
                        Gauge.builder("hub_deliveries_stuck", this, m -> m.values.getOrDefault(key, 0.0))
                                .description("Deliveries still pending or queued past hub.delivery.stuck-after")
                                .tags("department", department).register(registry);
                    }
                }, java.sql.Timestamp.from(clock.instant().minus(deliveries.stuckAfter())));
    }

    private double count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
