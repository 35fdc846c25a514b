package org.onex.hub.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.alert.SourceHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/departments}: each department with the status of its worst route (UP, DEGRADED
 * after a failure, DOWN after {@value SourceHealth#DOWN_AFTER} in a row or when a route could not start),
 * the route that makes it so and why ({@code route}, {@code reason}), every route with its own counts
 * ({@code routes}, keyed by route id) and, as before, each feed or channel summed up by its worst route
 * ({@code feeds}). The indicator is DOWN while a department is DOWN. It is not part of the readiness group,
 * so one unreachable or broken department never makes the hub unready.
 */
@Component("departments")
public class DepartmentsHealthIndicator implements HealthIndicator {

    private final SourceHealth sources;

    public DepartmentsHealthIndicator(SourceHealth sources) {
        this.sources = sources;
    }

    @Override
    public Health health() {
        boolean anyDown = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var dept : sources.byDepartment().entrySet()) {
            Map<String, Object> routes = new LinkedHashMap<>();
            Map<String, List<SourceHealth.State>> byFeed = new TreeMap<>();
            for (SourceHealth.State s : dept.getValue().values()) {
                Map<String, Object> r = state(s);
                r.put("feed", s.feed());
                routes.put(s.route(), r);
                byFeed.computeIfAbsent(String.valueOf(s.feed()), f -> new ArrayList<>()).add(s);
            }
            Map<String, Object> feeds = new LinkedHashMap<>();
            byFeed.forEach((feed, states) -> {
                SourceHealth.State worst = states.stream().min(SourceHealth.WORST_FIRST).orElseThrow();
                Map<String, Object> f = state(worst);
                // the feed's last success is that of any of its routes; its failures are those of its worst route
                f.put("lastSuccess", states.stream().map(SourceHealth.State::lastSuccess)
                        .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null));
                f.put("route", worst.route());
                feeds.put(feed, f);
            });
            SourceHealth.State worst = dept.getValue().values().stream().min(SourceHealth.WORST_FIRST).orElseThrow();
            String status = SourceHealth.status(worst);
            anyDown |= "DOWN".equals(status);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("status", status);
            if (!"UP".equals(status)) {
                d.put("route", worst.route());
                d.put("reason", worst.route() + ": " + worst.lastError());
            }
            d.put("routes", routes);
            d.put("feeds", feeds);
            details.put(dept.getKey(), d);
        }
        return (anyDown ? Health.down() : Health.up()).withDetails(details).build();
    }

    private static Map<String, Object> state(SourceHealth.State s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", SourceHealth.status(s));
        f.put("lastSuccess", s.lastSuccess());
        f.put("failuresInARow", s.failuresInARow());
        if (s.notStarted()) {
            f.put("notStarted", true);
        }
        if (s.lastError() != null) {
            f.put("lastFailure", s.lastFailure());
            f.put("lastError", s.lastError());
        }
        return f;
    }
}
