package org.onex.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How each department feed and delivery channel is doing, as its routes report it: the last
 * success, the last failure and its reason, and failures in a row. Read by the health indicator
 * ({@code /actuator/health/departments}) and, later, the console.
 */
@Component
public class SourceHealth {

    /** Failures in a row after which a feed or channel is DOWN. */
    public static final int DOWN_AFTER = 3;

    /** The state of one feed or channel of a department. */
    public record State(String department, String name, Instant lastSuccess, Instant lastFailure, String lastError,
            int failuresInARow) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Double> lastSuccessSeconds = new ConcurrentHashMap<>();
    private final Clock clock;
    private final MeterRegistry meters;

    public SourceHealth(Clock clock) {
        this(clock, null);
    }

    /**
     * With a meter registry, each report also feeds {@code hub_poll_duration_seconds{department,feed,outcome}}
     * and {@code hub_last_poll_success_timestamp_seconds{department,feed}}.
     */
    @Autowired
    public SourceHealth(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    public void ok(String department, String name) {
        ok(department, name, null);
    }

    /** A poll (or delivery) succeeded after {@code took} (null when not measured). */
    public void ok(String department, String name, Duration took) {
        if (department == null || name == null) {
            return;
        }
        Instant now = clock.instant();
        states.compute(department + "/" + name, (k, s) -> new State(department, name, now,
                s == null ? null : s.lastFailure(), s == null ? null : s.lastError(), 0));
        if (meters != null) {
            String key = department + "/" + name;
            if (lastSuccessSeconds.put(key, now.toEpochMilli() / 1000.0) == null) {
                Gauge.builder("hub_last_poll_success_timestamp_seconds", lastSuccessSeconds,
                        m -> m.getOrDefault(key, 0.0)).description("When the department feed or channel last succeeded")
                        .tags("department", department, "feed", name).register(meters);
            }
            time(department, name, "success", took);
        }
    }

    public void failed(String department, String name, String error) {
        failed(department, name, error, null);
    }

    /** A poll (or delivery) failed after {@code took} (null when not measured). */
    public void failed(String department, String name, String error, Duration took) {
        if (department == null || name == null) {
            return;
        }
        if (meters != null) {
            time(department, name, "failure", took);
        }
        states.compute(department + "/" + name, (k, s) -> new State(department, name, s == null ? null : s.lastSuccess(),
                clock.instant(), error, s == null ? 1 : s.failuresInARow() + 1));
    }

    private void time(String department, String name, String outcome, Duration took) {
        if (took != null) {
            Timer.builder("hub_poll_duration").description("Time a department feed's poll (or a delivery) took")
                    .tags("department", department, "feed", name, "outcome", outcome).register(meters).record(took);
        }
    }

    /** Camel: a source route's poll succeeded (headers HubDepartment and HubFeed); the exchange's age is the poll's time. */
    public void okExchange(Exchange exchange) {
        ok(exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class), age(exchange));
    }

    /** Camel: a source route's poll failed. */
    public void failedExchange(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        failed(exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class), Causes.describe(e), age(exchange));
    }

    private static Duration age(Exchange exchange) {
        return Duration.ofMillis(Math.max(0, exchange.getClock().elapsed()));
    }

    /** UP, DEGRADED (a failure or two in a row) or DOWN ({@value #DOWN_AFTER} or more in a row). */
    public static String status(State s) {
        return s.failuresInARow() == 0 ? "UP" : s.failuresInARow() < DOWN_AFTER ? "DEGRADED" : "DOWN";
    }

    /** A department's status: the worst of its feeds and channels, or UNKNOWN before any report. */
    public String departmentStatus(String department) {
        Map<String, State> feeds = byDepartment().get(department);
        if (feeds == null) {
            return "UNKNOWN";
        }
        String worst = "UP";
        for (State s : feeds.values()) {
            String st = status(s);
            if ("DOWN".equals(st) || "DEGRADED".equals(st) && "UP".equals(worst)) {
                worst = st;
            }
        }
        return worst;
    }

    /** Every feed and channel, by department. */
    public Map<String, Map<String, State>> byDepartment() {
        Map<String, Map<String, State>> out = new TreeMap<>();
        states.values().forEach(s -> out.computeIfAbsent(s.department(), d -> new TreeMap<>()).put(s.name(), s));
        return out;
    }
}
