package org.onex.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.onex.hub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub itself, started in this JVM with demo departments off and one route file of the scenario (jdbc:
 * {@code jdbc-source} for scjgj/licences against the benchmark databases; departments and readers: one
 * {@code jdbc-source} route per department; sftp: {@code sftp-source}; push: none). Camel's routes, the REST
 * API's among them, are held back until the Spring context is up ({@code camel.main.auto-startup=false}), so a
 * load is timed from the first poll or request and start-up is reported apart.
 */
final class HubRun implements AutoCloseable {

    /** Settings of the benchmark route, printed next to the latency figures. */
    static final String POLL_INTERVAL = "200ms";
    static final String COMMIT_DELAY = "1s";

    private final BenchOptions options;
    private ConfigurableApplicationContext context;

    HubRun(BenchOptions options) {
        this.options = options;
    }

    /**
     * Starts the Spring context (routes stopped) with {@code routeFile} (none when null) as its only route
     * file and {@code settings} (the store, the scenario's own properties) over the benchmark's defaults;
     * returns the elapsed nanoseconds. Without {@code spring.datasource.*} the store is the embedded default,
     * an H2 file under {@code workDir}.
     */
    long start(Path workDir, String routeFile, Map<String, String> settings) throws IOException {
        long begin = System.nanoTime();
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        if (routeFile != null) {
            Files.writeString(routes.resolve("bench.camel.yaml"), routeFile);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hub.demo.enabled", "false");
        p.put("server.port", "0");
        p.put("spring.artemis.embedded.persistent", "false");
        p.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + freePort() + "?protocols=CORE");
        p.put("hub.data-dir", workDir.toString());
        p.put("hub.routes-dir", routes.toString());
        p.put("camel.main.auto-startup", "false");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", options.hubLog());
        p.putAll(settings);
        // As command-line arguments: they take precedence over application.yaml (default properties would not).
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(HubApplication.class).run(args);
        return System.nanoTime() - begin;
    }

    /** The hub's store in the benchmark's PostgreSQL store database ({@link BenchDatabases#store()}). */
    static Map<String, String> postgresStore(BenchDatabases dbs, BenchOptions options) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", dbs.url(dbs.store())
                + (options.storeParams().isEmpty() ? "" : "?" + options.storeParams()));
        p.put("spring.datasource.username", dbs.user());
        p.put("spring.datasource.password", "");
        return p;
    }

    /** Settings of the jdbc scenario: PostgreSQL store and the department source {@code bench-src}. */
    static Map<String, String> jdbcSettings(BenchDatabases dbs, BenchOptions options) {
        Map<String, String> p = postgresStore(dbs, options);
        p.putAll(dataSource(dbs, "bench-src"));
        return p;
    }

    /**
     * A department data source {@code name} ({@code hub.datasources.<name>}) on the benchmark's source database,
     * with the hub's default pool (as a department's own database would have).
     */
    static Map<String, String> dataSource(BenchDatabases dbs, String name) {
        return Map.of("hub.datasources." + name + ".url", dbs.url(dbs.source()),
                "hub.datasources." + name + ".username", dbs.user());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The HTTP port the hub listens on. */
    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Starts every Camel route: the timer of the benchmark route fires at once. */
    void startRoutes() throws Exception {
        context.getBean(CamelContext.class).getRouteController().startAllRoutes();
    }

    /** Starts every Camel route but those of {@code held}, which {@link #startRoute} starts later. */
    void startRoutesExcept(Set<String> held) throws Exception {
        CamelContext camel = context.getBean(CamelContext.class);
        for (Route route : camel.getRoutes()) {
            if (!held.contains(route.getRouteId())) {
                camel.getRouteController().startRoute(route.getRouteId());
            }
        }
    }

    void startRoute(String routeId) throws Exception {
        context.getBean(CamelContext.class).getRouteController().startRoute(routeId);
    }

    /**
     * Waits until the hub stored {@code expected} records: watches the hub's own counter of rows stored
     * ({@code hub_ingest_rows_total}, in this JVM) every 20 ms, then confirms with {@code count(*)} of hub_record.
     * Why not {@code count(*)} alone (issue 18): ten sequential scans a second of a table of 200,000 rows cost the
     * store ~20 % of a core, taken from the hub being measured (the baseline and the plain copy are not polled).
     * Fails when the counter stops moving for {@code stallSeconds}.
     */
    void awaitRecords(Connection store, long expected, int stallSeconds) throws SQLException, InterruptedException {
        io.micrometer.core.instrument.MeterRegistry meters = bean(io.micrometer.core.instrument.MeterRegistry.class);
        double last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            double stored = meters.find("hub_ingest_rows_total").tag("outcome", "stored").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            if (stored >= expected) {
                break; // counted in the transaction, just before its commit: confirmed below
            }
            if (stored != last) {
                last = stored;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallSeconds * 1_000_000_000L) {
                throw new IllegalStateException("the hub stored " + (long) stored + " of " + expected
                        + " records and made no progress for " + stallSeconds + " s (see the log above)");
            }
            Thread.sleep(20);
        }
        awaitCount(store, expected, stallSeconds);
    }

    /**
     * Polls {@code count(*)} of hub_record every 100 ms until it reaches {@code expected}; fails when the
     * count stops moving for {@code stallSeconds}.
     */
    static void awaitCount(Connection store, long expected, int stallSeconds) throws SQLException,
            InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        try (Statement s = store.createStatement()) {
            while (true) {
                long n = count(s, "SELECT count(*) FROM hub_record");
                if (n >= expected) {
                    return;
                }
                if (n != last) {
                    last = n;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > stallSeconds * 1_000_000_000L) {
                    throw new IllegalStateException("the hub stored " + n + " of " + expected
                            + " records and made no progress for " + stallSeconds + " s (see the log above)");
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Waits until the outbox is empty (the sequencer gave every stored version its place in hub_feed), then
     * until the published counter reaches the feed counter (the publisher sent everything to Artemis), both
     * within {@code timeoutSeconds}.
     * Returns the nanoseconds each took, -1 when it timed out.
     */
    static long[] awaitFeed(Connection store, int timeoutSeconds) throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeoutSeconds * 1_000_000_000L;
        long[] took = { -1, -1 };
        try (Statement s = store.createStatement()) {
            String[] checks = { "SELECT count(*) FROM hub_feed_outbox",
                "SELECT max(counter_value) - min(counter_value) FROM hub_counter"
                        + " WHERE name IN ('feed_seq', 'published_seq')" };
            for (int i = 0; i < checks.length; i++) {
                while (count(s, checks[i]) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                took[i] = count(s, checks[i]) > 0 ? -1 : System.nanoTime() - begin;
            }
        }
        return took;
    }

    /** {@link #awaitFeed(Connection, int)} on a connection of the hub's own store, whichever it is. */
    long[] awaitFeed(int timeoutSeconds) throws SQLException, InterruptedException {
        try (Connection store = bean(DataSource.class).getConnection()) {
            return awaitFeed(store, timeoutSeconds);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The route file of the jdbc scenario: {@code jdbc-source} for scjgj/licences on {@code bench-src}. */
    static String jdbcRouteFile(int batchSize) {
        return BenchRoutes.HEADER + BenchRoutes.jdbcRoute("bench-scjgj-licences", "scjgj", "licences", "bench-src",
                "xk_licence", batchSize);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
