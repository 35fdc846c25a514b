package org.onex.hub.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.onex.hub.alert.Causes;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.cluster.RouteOwnership;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every Camel route as the console's routes page shows it: its department (route ids start with the
 * department code, {@code scjgj-licences}), status, exchanges and failures (camel-micrometer's route
 * policy), mean time, and the last error: an exchange that failed, else what the department's feed or
 * route last reported to {@link SourceHealth} (by its route id), else the route's own start or stop error.
 */
@Component
public class RouteStatuses extends EventNotifierSupport {

    /**
     * One route. {@code department} is null for the hub's own routes (API, scans, dispatch); {@code node} is the
     * cluster node that runs a one-node route (a source or a singleton), null for a route every node runs.
     */
    public record RouteStatus(String id, String department, String status, long exchanges, long failed,
            double meanMillis, String lastError, Instant lastErrorAt, String node) {

        public boolean suspendable() {
            return "Started".equals(status);
        }

        public boolean resumable() {
            return "Suspended".equals(status) || "Stopped".equals(status);
        }
    }

    /** Status of a one-node route that another cluster node runs ({@link RouteOwnership}). */
    public static final String STANDBY = "Standby";
    /** Status of a department route that could not be created or started; it is retried with back-off. */
    public static final String NOT_STARTED = "NotStarted";

    private record Failure(Instant at, String error) {
    }

    private final CamelContext camel;
    private final MeterRegistry meters;
    private final SourceHealth health;
    private final DepartmentRegistry registry;
    private final RouteOwnership ownership;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public RouteStatuses(CamelContext camel, MeterRegistry meters, SourceHealth health, DepartmentRegistry registry,
            RouteOwnership ownership) {
        this.camel = camel;
        this.ownership = ownership;
        this.meters = meters;
        this.health = health;
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        camel.getManagementStrategy().addEventNotifier(this);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeFailedEvent) event).getExchange();
        String routeId = exchange.getFromRouteId();
        if (routeId != null) {
            failures.put(routeId, new Failure(Instant.now(), Causes.describe(exchange.getException())));
        }
    }

    public List<RouteStatus> all() {
        List<RouteStatus> out = new ArrayList<>();
        Map<String, Boolean> oneNode = ownership.managedRoutes();
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            String department = department(id);
            ServiceStatus status = camel.getRouteController().getRouteStatus(id);
            Boolean runsHere = oneNode.get(id);
            String node = runsHere == null ? null : ownership.ownerAddress(id).orElse(null);
            String shown = status == null ? "Unknown" : status.name();
            if (Boolean.FALSE.equals(runsHere) && status != null && status.isStopped()) {
                shown = STANDBY;
            }
            Counter total = meters.find("camel.exchanges.total").tag("routeId", id).counter();
            Counter failed = meters.find("camel.exchanges.failed").tag("routeId", id).counter();
            Timer timer = meters.find("camel.route.policy").tag("routeId", id).timer();
            Failure failure = failures.get(id);
            String lastError = failure == null ? null : failure.error();
            Instant lastErrorAt = failure == null ? null : failure.at();
            if (lastError == null && department != null) {
                SourceHealth.State st = health.route(id).orElse(null);
                if (st != null && st.lastError() != null) {
                    lastError = st.lastError();
                    lastErrorAt = st.lastFailure();
                }
            }
            if (lastError == null && route.getLastError() != null) {
                lastError = route.getLastError().getPhase() + ": " + Causes.describe(route.getLastError().getException());
            }
            out.add(new RouteStatus(id, department, shown,
                    total == null ? 0 : (long) total.count(), failed == null ? 0 : (long) failed.count(),
                    timer == null ? 0 : timer.mean(TimeUnit.MILLISECONDS), lastError, lastErrorAt, node));
        }
        // department routes that could not be created (a broken route file entry): no Camel route, still listed
        health.byDepartment().values().forEach(routes -> routes.values().stream()
                .filter(st -> st.notStarted() && camel.getRoute(st.route()) == null)
                .forEach(st -> out.add(new RouteStatus(st.route(), st.department(), NOT_STARTED, 0, 0, 0,
                        st.lastError(), st.lastFailure(), null))));
        out.sort(Comparator.comparing((RouteStatus r) -> r.department() == null ? "~" : r.department())
                .thenComparing(RouteStatus::id));
        return out;
    }

    private String department(String routeId) {
        int dash = routeId.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String code = routeId.substring(0, dash);
        return registry.find(code).isPresent() ? code : null;
    }
}
