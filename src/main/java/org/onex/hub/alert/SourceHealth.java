package org.onex.hub.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How each department route is doing, as the route reports it: the last success, the last failure and
 * its reason, failures in a row, and whether the route could be created and started at all. Keyed by
 * route id (item 7): a department's database route and its SFTP route of the same feed count
 * apart, so one succeeding never hides the other failing. Department and feed are kept for grouping.
 * Read by the health indicator ({@code /actuator/health/departments}), the console and the routes page.
 *
 * <p>A route that fails {@value #DOWN_AFTER} times in a row raises an alert naming the route
 * ({@code SOURCE_UNREACHABLE} for a source, {@code CHANNEL_UNREACHABLE} for a delivery channel), raised
 * again (counted) at every further failure until it succeeds.
 */
@Component
public class SourceHealth {

    /** Failures in a row after which a route is DOWN (and alerted). */
    public static final int DOWN_AFTER = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SourceHealth.class);

    /**
     * The state of one department route.
     *
     * @param route          Camel route id ({@code <department>-...})
     * @param department     department code
     * @param feed           the feed it ingests, or the delivery channel ({@code deliveries (jdbc)})
     * @param lastSuccess    last successful poll or delivery
     * @param lastFailure    last failure (of a poll, a delivery or the route's start)
     * @param lastError      why, in one line; for a route that could not start {@code file:line: key: reason}
     * @param failuresInARow failures since the last success
     * @param notStarted     the route could not be created or started (it is retried with back-off)
     */
    public record State(String route, String department, String feed, Instant lastSuccess, Instant lastFailure,
            String lastError, int failuresInARow, boolean notStarted) {

        /** What the console and the health details call the route: its feed (or channel) and its id. */
        public String name() {
            return feed == null ? route : feed + " · " + route;
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Double> lastSuccessSeconds = new ConcurrentHashMap<>();
    /** The routes of the route files, started or not, by id: their department and feed (or channel). */
    private final Map<String, State> wired = new ConcurrentHashMap<>();
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectProvider<Alerts> alerts;

    public SourceHealth(Clock clock) {
        this(clock, null, null);
    }

    /**
     * With a meter registry, each report also feeds {@code hub_poll_duration_seconds{department,feed,route,outcome}}
     * and {@code hub_last_poll_success_timestamp_seconds{department,feed,route}}; with alerts, a route failing
     * {@value #DOWN_AFTER} times in a row is alerted.
     */
    @Autowired
    public SourceHealth(Clock clock, MeterRegistry meters, ObjectProvider<Alerts> alerts) {
        this.clock = clock;
        this.meters = meters;
        this.alerts = alerts;
    }

    /** A poll (or delivery) of {@code route} succeeded after {@code took} (null when not measured). */
    public void ok(String route, String department, String feed, Duration took) {
        if (route == null || department == null) {
            return;
        }
        Instant now = clock.instant();
        states.put(route, new State(route, department, feed, now, last(route).map(State::lastFailure).orElse(null),
                last(route).map(State::lastError).orElse(null), 0, false));
        if (meters != null) {
            if (lastSuccessSeconds.put(route, now.toEpochMilli() / 1000.0) == null) {
                lastSuccessGauge(route, department, feed);
            }
            time(route, department, feed, "success", took);
        }
    }

    private void lastSuccessGauge(String route, String department, String feed) {
        Gauge.builder("hub_last_poll_success_timestamp_seconds", lastSuccessSeconds, m -> m.getOrDefault(route, 0.0))
                .description("When the department route last succeeded (0: not since the hub started)")
                .tags("department", department, "feed", String.valueOf(feed), "route", route).register(meters);
    }

    /**
     * A route of the route files was created and started: its last success is exported at once, 0 until it
     * succeeds, so that a poller that never succeeds is seen by the dead-poller rule (docs/prometheus/alerts.yml)
     * instead of being a series that does not exist.
     */
    private void wire(String route, String department, String feed) {
        wired.put(route, new State(route, department, feed, null, null, null, 0, false));
        if (meters != null && lastSuccessSeconds.putIfAbsent(route, 0.0) == null) {
            lastSuccessGauge(route, department, feed);
        }
    }

    /** The feeds (and delivery channels) of the routes wired in the route files, by department. */
    public Map<String, Set<String>> wiredFeeds() {
        Map<String, Set<String>> out = new TreeMap<>();
        wired.values().forEach(s -> out.computeIfAbsent(s.department(), d -> new TreeSet<>())
                .add(String.valueOf(s.feed())));
        return out;
    }

    /**
     * A poll (or delivery) of {@code route} failed after {@code took} (null when not measured); returns the
     * failures in a row, and alerts from the {@value #DOWN_AFTER}th on.
     */
    public int failed(String route, String department, String feed, String error, Duration took) {
        if (route == null || department == null) {
            return 0;
        }
        if (meters != null) {
            time(route, department, feed, "failure", took);
        }
        State s = states.compute(route, (k, old) -> new State(route, department, feed,
                old == null ? null : old.lastSuccess(), clock.instant(), error,
                old == null ? 1 : old.failuresInARow() + 1, false));
        if (s.failuresInARow() >= DOWN_AFTER) {
            alert(s);
        }
        return s.failuresInARow();
    }

    /** The route could not be created or started (it is retried); DOWN at once with the reason. */
    public void notStarted(String route, String department, String feed, String reason) {
        if (route == null || department == null) {
            return;
        }
        states.compute(route, (k, old) -> new State(route, department, feed, old == null ? null : old.lastSuccess(),
                clock.instant(), reason, old == null ? 1 : old.failuresInARow() + 1, true));
    }

    /** The route has been created and started after all: no longer DOWN for that (its polls tell the rest). */
    public void started(String route, String department, String feed) {
        wire(route, department, feed);
        states.computeIfPresent(route, (k, old) -> old.notStarted() ? new State(route, department, feed,
                old.lastSuccess(), old.lastFailure(), old.lastError(), 0, false) : old);
    }

    /** The route is gone from the route files: nothing to report about it any more. */
    public void forget(String route) {
        states.remove(route);
        wired.remove(route);
    }

    private void time(String route, String department, String feed, String outcome, Duration took) {
        if (took != null) {
            Timer.builder("hub_poll_duration").description("Time a department route's poll (or a delivery) took")
                    .tags("department", department, "feed", String.valueOf(feed), "route", route, "outcome", outcome)
                    .register(meters).record(took);
        }
    }

    private void alert(State s) {
        Alerts a = alerts == null ? null : alerts.getIfAvailable();
        if (a == null) {
            return;
        }
        boolean delivery = s.feed() != null && s.feed().startsWith("deliveries");
        try {
            String kind = delivery ? Alerts.CHANNEL_UNREACHABLE : Alerts.SOURCE_UNREACHABLE;
            a.warning(kind, s.department(), s.feed(), s.route(), "route " + s.route() + " failed "
                    + s.failuresInARow() + " times in a row: " + s.lastError(), AlertText.of(kind).text(s.route())
                            .text(s.failuresInARow()).text(s.lastError()).build());
        } catch (RuntimeException e) {
            // the store is down: the failure is in the log and in this state; the route's own error handling goes on
            LOG.warn("{}: alert not raised: {}", s.route(), e.toString());
        }
    }

    /** Camel: a source route's poll succeeded (headers HubDepartment and HubFeed); the exchange's age is the poll's time. */
    public void okExchange(Exchange exchange) {
        ok(exchange.getFromRouteId(), exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class), age(exchange));
    }

    /** Camel: a source route's poll failed. */
    public void failedExchange(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        failed(exchange.getFromRouteId(), exchange.getMessage().getHeader("HubDepartment", String.class),
                exchange.getMessage().getHeader("HubFeed", String.class), Causes.describe(e), age(exchange));
    }

    private static Duration age(Exchange exchange) {
        return Duration.ofMillis(Math.max(0, exchange.getClock().elapsed()));
    }

    /** UP, DEGRADED (a failure or two in a row) or DOWN ({@value #DOWN_AFTER} or more in a row, or not started). */
    public static String status(State s) {
        if (s.notStarted()) {
            return "DOWN";
        }
        return s.failuresInARow() == 0 ? "UP" : s.failuresInARow() < DOWN_AFTER ? "DEGRADED" : "DOWN";
    }

    /** Worst first: DOWN, DEGRADED, UP; then by failures in a row. */
    public static final Comparator<State> WORST_FIRST = Comparator.comparingInt((State s) -> rank(status(s)))
            .thenComparing(Comparator.comparingInt(State::failuresInARow).reversed());

    private static int rank(String status) {
        return switch (status) {
            case "DOWN" -> 0;
            case "DEGRADED" -> 1;
            default -> 2;
        };
    }

    /** A department's status: the worst of its routes, or UNKNOWN before any report. */
    public String departmentStatus(String department) {
        return worst(department).map(SourceHealth::status).orElse("UNKNOWN");
    }

    /** The department's route doing worst (the one to name when it is not UP). */
    public Optional<State> worst(String department) {
        Map<String, State> routes = byDepartment().get(department);
        return routes == null ? Optional.empty() : routes.values().stream().min(WORST_FIRST);
    }

    /** One route's state. */
    public Optional<State> route(String routeId) {
        return last(routeId);
    }

    private Optional<State> last(String routeId) {
        return routeId == null ? Optional.empty() : Optional.ofNullable(states.get(routeId));
    }

    /** Every route, by department, then by route id. */
    public Map<String, Map<String, State>> byDepartment() {
        Map<String, Map<String, State>> out = new TreeMap<>();
        states.values().forEach(s -> out.computeIfAbsent(s.department(), d -> new TreeMap<>()).put(s.route(), s));
        return out;
    }
}
