package org.onex.hub.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * How each department feed and delivery channel is doing, as its routes report it: the last
 * success, the last failure and its reason, and failures in a row. Read by the health indicator
 * ({@code /actuator/health/departments}) and, later, the console.
 */
@Component
public class SourceHealth {

    /** The state of one feed or channel of a department. */
    public record State(String department, String name, Instant lastSuccess, Instant lastFailure, String lastError,
            int failuresInARow) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public SourceHealth(Clock clock) {
        this.clock = clock;
    }

    public void ok(String department, String name) {
        if (department == null || name == null) {
            return;
        }
        states.compute(department + "/" + name, (k, s) -> new State(department, name, clock.instant(),
                s == null ? null : s.lastFailure(), s == null ? null : s.lastError(), 0));
    }

    public void failed(String department, String name, String error) {
        if (department == null || name == null) {
            return;
        }
        states.compute(department + "/" + name, (k, s) -> new State(department, name, s == null ? null : s.lastSuccess(),
                clock.instant(), error, s == null ? 1 : s.failuresInARow() + 1));
    }

    /** Camel: a source route's poll succeeded (headers HubDepartment and HubFeed). */
    public void okExchange(Exchange exchange) {
        ok(exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class));
    }

    /** Camel: a source route's poll failed. */
    public void failedExchange(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        failed(exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class), Causes.describe(e));
    }

    /** Every feed and channel, by department. */
    public Map<String, Map<String, State>> byDepartment() {
        Map<String, Map<String, State>> out = new TreeMap<>();
        states.values().forEach(s -> out.computeIfAbsent(s.department(), d -> new TreeMap<>()).put(s.name(), s));
        return out;
    }
}
