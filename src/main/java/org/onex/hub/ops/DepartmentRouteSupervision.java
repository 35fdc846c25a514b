package org.onex.hub.ops;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.config.HubPaths;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.ops.RouteFileEntries.Entry;
import org.onex.hub.ops.RouteFileEntries.Parsed;
import org.onex.hub.registry.DepartmentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads the department route files ({@code hub.routes-dir}/{@code *.camel.yaml}) one entry at a time, once the
 * Camel context has started, so that one department never stops the hub (item 6): the hub is the
 * channel every department's decisions reach the bureau by (R-CHANNEL), and one department's broken wiring
 * must not hold back the others' notices (R-APPROVAL-NOTICE).
 *
 * <p>Why not Camel's own loading under its supervising route controller: that controller supervises routes
 * that exist. A route that cannot even be created (a {@code templatedRoute} whose template bean throws, such
 * as {@code jdbc-source} naming a data source that {@code hub.datasources} does not define, a parameter that
 * is not a number, a feed without a mapping, a placeholder that is not set) fails while the route files are
 * loaded, before there is anything to supervise, and with it the whole Camel context and the hub. So the
 * hub adds each entry itself and catches what fails, whether creating or starting the route:
 * <ul>
 * <li>the route's department is DOWN in {@link SourceHealth} (and {@code /actuator/health/departments}) with
 * the reason as {@code file:line: key: reason}, the key being the parameter the failure names where it names
 * one ({@code routes/zrzyj.camel.yaml:5: [0].templatedRoute.parameters[2].value: data source 'x' is not
 * defined ...});</li>
 * <li>a {@code ROUTE_START_FAILED} alert names the route (raised again, counted, at every failed retry);</li>
 * <li>the entry is tried again with back-off, from {@code hub.routes.restart-delay} (5 s) doubling up to
 * {@code hub.routes.restart-max-delay} (5 min), for as long as it takes, re-reading its file each time:
 * once the cause is fixed (the table created, the server back, the route file corrected) it starts without a
 * restart of the hub.</li>
 * </ul>
 * A route that starts and later fails its polls is the business of its poll strategy and error handler
 * ({@link SourceHealth}). The hub's own routes (API, ingest, feed, scans) are Java route builders that start
 * with the context, as before, and fail the start-up if they cannot.
 */
@Component
public class DepartmentRouteSupervision implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentRouteSupervision.class);

    private final Path routesDir;
    private final RouteFileEntries files;
    private final DepartmentRegistry registry;
    private final SourceHealth health;
    private final ObjectProvider<Alerts> alerts;
    private final long backOffMillis;
    private final long maxBackOffMillis;
    /** Failed attempts so far, by entry key; an entry leaves once it starts (or is removed from its file). */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** Which entry ({@code file#index}) each department route was loaded from. */
    private final Map<String, String> loadedFrom = new ConcurrentHashMap<>();
    /** Entries with a retry scheduled: one at a time each, however many ways they failed. */
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService retries;

    public DepartmentRouteSupervision(HubPaths paths, DepartmentRegistry registry, SourceHealth health,
            ObjectProvider<Alerts> alerts, @Value("${hub.routes.restart-delay:5000}") long backOffMillis,
            @Value("${hub.routes.restart-max-delay:300000}") long maxBackOffMillis) {
        this.routesDir = paths.routesDir();
        this.registry = registry;
        this.files = new RouteFileEntries(registry);
        this.health = health;
        this.alerts = alerts;
        this.backOffMillis = Math.max(1, backOffMillis);
        this.maxBackOffMillis = Math.max(this.backOffMillis, maxBackOffMillis);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // nothing: the route files are loaded once the context (and the templates) are up
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        retries = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "DepartmentRoutes");
        for (Path file : routeFiles()) {
            loadFile(camel, file);
        }
    }

    /** The route files, by name (one department's file failing never stops the next being read). */
    private List<Path> routeFiles() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(routesDir)) {
            LOG.warn("no route folder {} (hub.routes-dir): no department routes", routesDir);
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(routesDir, "*" + RouteFileEntries.SUFFIX)) {
            dir.forEach(files::add);
        } catch (IOException e) {
            LOG.error("cannot list {} (hub.routes-dir): {}", routesDir, e.toString());
        }
        files.sort(null);
        return files;
    }

    /** Loads every entry of one file; a file that cannot be read or parsed fails (and is retried) as one. */
    private void loadFile(CamelContext camel, Path file) {
        Parsed parsed = files.parse(file);
        Entry whole = new Entry(file, -1, null, RouteFileEntries.departmentOfFile(file), null);
        if (parsed.problem() != null) {
            failed(camel, whole, parsed.problem());
            return;
        }
        forgetFailure(whole);
        for (int i = 0; i < parsed.entries(); i++) {
            load(camel, parsed, i);
        }
    }

    /** Adds (creates and starts) entry {@code i} of a parsed file; on failure reports it and schedules a retry. */
    private void load(CamelContext camel, Parsed parsed, int i) {
        Entry entry = files.describe(parsed, i);
        if (camel.isStopping() || camel.isStopped()) {
            return;
        }
        String origin = parsed.file() + "#" + i;
        if (entry.routeId() != null && camel.getRoute(entry.routeId()) != null) {
            String owner = loadedFrom.get(entry.routeId());
            if (!origin.equals(owner)) {
                // another entry (or one of the hub's own routes) has this id: never replace it
                JsonNode root = parsed.doc().root();
                String at = root.isArray() ? YamlDocument.pointer(i) : "";
                String idAt = (root.isArray() ? root.path(i) : root).has("route") ? at + "/route/id"
                        : at + "/templatedRoute/routeId";
                failed(camel, new Entry(entry.file(), i, null, entry.department(), entry.feed()),
                        parsed.doc().problem(idAt,
                        "routeId '" + entry.routeId() + "' is already used by " + (owner == null ? "a route of the hub"
                                : "the entry at " + owner)).toString());
                return;
            }
            if (!failures.containsKey(entry.key())) {
                return; // running since an earlier attempt (its file is being read again for another entry)
            }
        }
        try {
            if (entry.routeId() != null) {
                remove(camel, entry.routeId()); // a retry starts from nothing
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(parsed.file().toString(),
                    parsed.entryYaml().get(i)));
            Integer before = failures.remove(entry.key());
            if (failures.remove(origin) != null) {
                health.forget(origin); // it failed before under its place in the file (a route id used twice)
            }
            if (entry.routeId() != null) {
                loadedFrom.put(entry.routeId(), origin);
                health.started(entry.routeId(), entry.department(), entry.feed());
            }
            if (before != null) {
                LOG.info("{}: route {} started after {} failed attempts", entry.department(), entry.key(), before);
            }
        } catch (Exception e) {
            if (entry.routeId() != null) {
                remove(camel, entry.routeId());
                loadedFrom.remove(entry.routeId());
            }
            failed(camel, entry, RouteFileEntries.where(parsed, i, e));
        }
    }

    /** Reports a failed entry (or file) and schedules its next attempt. */
    private void failed(CamelContext camel, Entry entry, String reason) {
        int attempt = failures.merge(entry.key(), 1, Integer::sum);
        long delay = delay(attempt);
        String route = entry.key();
        if (entry.department() != null) {
            health.notStarted(route, entry.department(), entry.feed(), reason);
        }
        String next = "tried again in " + Duration.ofMillis(delay).toString().substring(2).toLowerCase();
        LOG.warn("{}: route {} did not start (attempt {}, {}): {}", entry.department(), route, attempt, next, reason);
        Alerts a = alerts.getIfAvailable();
        if (a != null) {
            try {
                a.error(Alerts.ROUTE_START_FAILED, entry.department(), entry.feed(), route, "route " + route
                        + " did not start: " + reason + " (" + next + "; fix the cause, no restart needed)",
                        AlertText.of(Alerts.ROUTE_START_FAILED).text(route).text(reason)
                                .text(Duration.ofMillis(delay).toString().substring(2).toLowerCase()).build());
            } catch (RuntimeException e) {
                LOG.warn("{}: alert not raised: {}", route, e.toString());
            }
        }
        ScheduledExecutorService executor = retries;
        if (executor != null && !executor.isShutdown() && scheduled.add(entry.key())) {
            executor.schedule(() -> retry(camel, entry), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Back-off: the restart delay, doubled after each failed attempt, at most the maximum. */
    long delay(int attempt) {
        long d = backOffMillis;
        for (int n = 1; n < attempt && d < maxBackOffMillis; n++) {
            d *= 2;
        }
        return Math.min(d, maxBackOffMillis);
    }

    /** Reads the entry's file again and tries the entry (found by its route id, else its place) once more. */
    private void retry(CamelContext camel, Entry entry) {
        scheduled.remove(entry.key());
        try {
            if (camel.isStopping() || camel.isStopped() || !failures.containsKey(entry.key())) {
                return;
            }
            if (!Files.exists(entry.file())) {
                giveUp(entry, "its route file is gone");
                return;
            }
            if (entry.index() < 0) {
                loadFile(camel, entry.file());
                return;
            }
            Parsed parsed = files.parse(entry.file());
            if (parsed.problem() != null) {
                failures.remove(entry.key());
                failed(camel, new Entry(entry.file(), -1, null, RouteFileEntries.departmentOfFile(entry.file()), null), parsed.problem());
                return;
            }
            for (int i = 0; i < parsed.entries(); i++) {
                Entry now = files.describe(parsed, i);
                if (now.key().equals(entry.key()) || entry.routeId() == null && i == entry.index()) {
                    load(camel, parsed, i);
                    return;
                }
            }
            giveUp(entry, "it is no longer in its route file");
        } catch (RuntimeException e) {
            LOG.error("{}: retry of route {} failed unexpectedly; not tried again", entry.department(), entry.key(), e);
        }
    }

    private void giveUp(Entry entry, String why) {
        failures.remove(entry.key());
        if (entry.routeId() != null) {
            health.forget(entry.routeId());
        }
        LOG.info("route {} is not tried again: {}", entry.key(), why);
    }

    /** Removes a route and its definition (what a failed attempt left behind), so that it can be added again. */
    private static void remove(CamelContext camel, String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
            RouteDefinition def = model == null ? null : model.getRouteDefinition(routeId);
            if (def != null) {
                model.removeRouteDefinition(def);
            }
        } catch (Exception e) {
            LOG.debug("cannot remove route {}: {}", routeId, e.toString());
        }
    }

    private void forgetFailure(Entry whole) {
        if (failures.remove(whole.key()) != null) {
            health.forget(whole.file().toString());
        }
    }


}
