package org.onex.hub.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/departments}: each department DOWN while one of its feeds or channels has
 * failed {@value SourceHealth#DOWN_AFTER} times in a row (details say which and why), UP otherwise. It is not part
 * of the readiness group, so one unreachable department never makes the hub unready.
 */
@Component("departments")
public class DepartmentsHealthIndicator implements HealthIndicator {

    private final SourceHealth sources;

    public DepartmentsHealthIndicator(SourceHealth sources) {
        this.sources = sources;
    }

    @Override
    public Health health() {
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var dept : sources.byDepartment().entrySet()) {
            boolean up = true;
            Map<String, Object> feeds = new LinkedHashMap<>();
            for (SourceHealth.State s : dept.getValue().values()) {
                boolean feedUp = s.failuresInARow() < SourceHealth.DOWN_AFTER;
                up &= feedUp;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("status", feedUp ? "UP" : "DOWN");
                f.put("lastSuccess", s.lastSuccess());
                f.put("failuresInARow", s.failuresInARow());
                if (s.lastError() != null) {
                    f.put("lastFailure", s.lastFailure());
                    f.put("lastError", s.lastError());
                }
                feeds.put(s.name(), f);
            }
            allUp &= up;
            details.put(dept.getKey(), Map.of("status", up ? "UP" : "DOWN", "feeds", feeds));
        }
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }
}
