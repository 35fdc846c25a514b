package org.onex.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.onex.hub.alert.SourceHealth;
import org.onex.hub.delivery.DeliveryChannels;
import org.onex.hub.delivery.DeliveryRecoveryProperties;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
 *
 * <p>So that dashboards and alert rules (docs/grafana, docs/prometheus) see 0 rather than no data, the series of
 * what is wired are exported before their first event: {@code hub_ingest_rows_total} and
 * {@code hub_feed_quarantine_open_rows} for every feed of a started department route, {@code hub_deliveries} and
 * {@code hub_deliveries_stuck} for every department with a delivery channel.
 */
@Component
public class HubMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeliveryRecoveryProperties deliveries;
    private final SourceHealth health;
    private final DeliveryChannels channels;
    /** The delivery statuses exported at 0 for every department with a wired channel. */
    private static final List<String> DELIVERY_STATUSES = List.of("PENDING", "QUEUED", "DELIVERED", "DEAD");

    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private MeterRegistry registry;
    private volatile long readAt;

    public HubMetrics(JdbcTemplate jdbc, Clock clock, DeliveryRecoveryProperties deliveries, SourceHealth health,
            DeliveryChannels channels) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
        this.health = health;
        this.channels = channels;
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
        Map<String, Set<String>> feeds = wiredFeeds();
        List<List<String>> wiredChannels = channels.departments().stream()
                .flatMap(d -> DELIVERY_STATUSES.stream().map(status -> List.of(d, status))).toList();
        grouped("hub_deliveries", "SELECT department, status, COUNT(*) FROM hub_delivery GROUP BY department, status",
                "department", "status", "Deliveries of the bureau's decisions by department and status",
                wiredChannels);
        stuckDeliveries();
        grouped("hub_obligations", "SELECT rule_id, status, COUNT(*) FROM hub_obligation GROUP BY rule_id, status",
                "rule", "status", "Obligations of the policy by rule and status", List.of());
        grouped("hub_feed_quarantine_open_rows", "SELECT department, feed, COUNT(*) FROM hub_quarantine"
                + " WHERE status = 'OPEN' GROUP BY department, feed", "department", "feed",
                "Rows waiting in quarantine by department feed", feeds.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(f -> List.of(e.getKey(), f))).toList());
        feeds.forEach((department, fs) -> fs.forEach(feed -> Arrays.stream(RowOutcome.Status.values())
                .forEach(o -> registry.counter("hub_ingest_rows_total", "department", department, "feed", feed,
                        "outcome", o.name().toLowerCase()))));
        long nowMillis = clock.millis();
        jdbc.query("SELECT department, feed, last_rows_at FROM hub_feed_activity", rs -> {
            java.sql.Timestamp last = rs.getTimestamp(3);
            set("hub_feed_silence_seconds", "Seconds since the department feed last delivered rows",
                    last == null ? 0 : Math.max(0, (nowMillis - last.getTime()) / 1000.0),
                    "department", rs.getString(1), "feed", rs.getString(2));
        });
        jdbc.query("SELECT department, feed, cursor_json FROM hub_watermark", rs -> {
            Instant at = watermarkTime(rs.getString(3));
            if (at != null) {
                set("hub_watermark_lag_seconds", "Now minus the source time of the department feed's watermark"
                        + " (pull feeds)", Math.max(0, (nowMillis - at.toEpochMilli()) / 1000.0),
                        "department", rs.getString(1), "feed", rs.getString(2));
            }
        });
    }

    /** The ingest feeds of the department routes wired in the route files (delivery channels left out). */
    private Map<String, Set<String>> wiredFeeds() {
        Map<String, Set<String>> feeds = new TreeMap<>();
        health.wiredFeeds().forEach((department, fs) -> fs.stream()
                .filter(f -> !"null".equals(f) && !f.startsWith("deliveries"))
                .forEach(f -> feeds.computeIfAbsent(department, d -> new TreeSet<>()).add(f)));
        return feeds;
    }

    /**
     * Sets the gauge of {@code name} with these tags (label, value, label, value ...), registering it the first
     * time: it is exported from the next scrape on.
     */
    private void set(String name, String description, double value, String... tags) {
        String key = name + "|" + String.join("|", tags);
        if (values.put(key, value) == null) {
            Gauge.builder(name, this, m -> m.values.getOrDefault(key, 0.0)).description(description).tags(tags)
                    .register(registry);
        }
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

    /**
     * A gauge by two labels from a {@code GROUP BY} query: label sets no longer in the result read 0, and the
     * {@code zeros} (the wired departments or feeds) are exported at 0 before their first row.
     */
    private void grouped(String name, String sql, String label1, String label2, String description,
            List<List<String>> zeros) {
        values.keySet().stream().filter(k -> k.startsWith(name + "|")).forEach(k -> values.put(k, 0.0));
        zeros.forEach(z -> set(name, description, 0.0, label1, z.get(0), label2, z.get(1)));
        jdbc.query(sql, (RowCallbackHandler) rs -> set(name, description, rs.getLong(3), label1, rs.getString(1),
                label2, rs.getString(2)));
    }

    /** {@code hub_deliveries_stuck{department}}, PENDING or QUEUED past {@code hub.delivery.stuck-after}. */
    private void stuckDeliveries() {
        String name = "hub_deliveries_stuck";
        String description = "Deliveries still pending or queued past hub.delivery.stuck-after";
        values.keySet().stream().filter(k -> k.startsWith(name + "|")).forEach(k -> values.put(k, 0.0));
        channels.departments().forEach(d -> set(name, description, 0.0, "department", d));
        jdbc.query("SELECT department, COUNT(*) FROM hub_delivery WHERE status IN ('PENDING', 'QUEUED')"
                + " AND created_at < ? GROUP BY department",
                (RowCallbackHandler) rs -> set(name, description, rs.getLong(2), "department", rs.getString(1)),
                java.sql.Timestamp.from(clock.instant().minus(deliveries.stuckAfter())));
    }

    private double count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
