package org.onex.hub.ingest.push;

import java.time.Duration;
import java.util.Map;

import org.onex.hub.auth.PushAccessProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.push.*}: the bounds on the work one push and one department may cause:
 * {@code maxBodySize} and {@code maxRows} per request (413 above), {@code timeout} the time a push has to commit
 * (else it is rolled back and answered 503), and {@code perDepartment} the pushes of one department at once and its
 * rows per period (429 with Retry-After beyond). {@code departments.<code>} overrides any of the last five for one
 * department. The push keys ({@code hub.push.keys}) are read by {@link PushAccessProperties}, which admits a push.
 */
@ConfigurationProperties(prefix = "hub.push")
public record PushProperties(DataSize maxBodySize, Integer maxRows, Duration timeout,
        PerDepartment perDepartment, Map<String, Overrides> departments) {

    public PushProperties {
        maxBodySize = maxBodySize == null ? PushAccessProperties.DEFAULT_MAX_BODY_SIZE : maxBodySize;
        maxRows = maxRows == null ? 100_000 : maxRows;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        perDepartment = perDepartment == null ? new PerDepartment(null, null, null) : perDepartment;
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        merge(null, maxRows, timeout, perDepartment); // every department's limits are checked at start
        for (Overrides o : departments.values()) {
            merge(o, maxRows, timeout, perDepartment);
        }
    }

    /** {@code hub.push.per-department.*}: what one department may push, per hub node. */
    public record PerDepartment(Integer concurrent, Long rows, Duration period) {
        public PerDepartment {
            concurrent = concurrent == null ? 2 : concurrent;
            rows = rows == null ? 1_000_000L : rows;
            period = period == null ? Duration.ofMinutes(10) : period;
        }
    }

    /** {@code hub.push.departments.<code>.*}: one department's own limits; what is not set is the default. */
    public record Overrides(Integer maxRows, Duration timeout, Integer concurrent, Long rows, Duration period) {
    }

    /** The limits of one department's pushes, defaults and its override merged. */
    public record Limits(int maxRows, Duration timeout, int concurrent, long rows, Duration period) {
        public Limits {
            String where = "hub.push (limits of pushes)";
            require(maxRows >= 1, where + ": max-rows must be at least 1");
            require(timeout.toMillis() > 0, where + ": timeout must be positive");
            require(concurrent >= 1, where + ": per-department.concurrent must be at least 1");
            require(period.toMillis() > 0, where + ": per-department.period must be positive");
            require(rows >= maxRows, where + ": per-department.rows (" + rows + ") must be at least max-rows ("
                    + maxRows + "), or a full request could never be admitted");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    public Limits limitsFor(String department) {
        return merge(department == null ? null : departments.get(department), maxRows, timeout, perDepartment);
    }

    private static Limits merge(Overrides o, int maxRows, Duration timeout, PerDepartment d) {
        return new Limits(o != null && o.maxRows() != null ? o.maxRows() : maxRows,
                o != null && o.timeout() != null ? o.timeout() : timeout,
                o != null && o.concurrent() != null ? o.concurrent() : d.concurrent(),
                o != null && o.rows() != null ? o.rows() : d.rows(),
                o != null && o.period() != null ? o.period() : d.period());
    }

    /** The longest time any department's push may take. */
    public Duration longestTimeout() {
        return departments.keySet().stream().map(d -> limitsFor(d).timeout()).reduce(timeout,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
}
