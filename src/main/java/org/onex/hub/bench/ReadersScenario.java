package org.onex.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.api.FeedReadGate;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Role;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

/**
 * The readers scenario (issue 18): does serving the feed slow ingest down? One hub with two department tables of
 * {@code --rows} rows each (at most {@value #MAX_ROWS}) and a {@code jdbc-source} route for each, and a third table of up to
 * {@value #WARM_UP_ROWS} rows loaded first, untimed, with the readers paging the feed meanwhile, to warm the JVM's
 * ingest and serving paths up. (a) The first route alone: the ingest rate
 * without readers. (b) {@code --readers} bureau API clients start paging {@code GET /api/v1/records} from the start,
 * over and over ({@link FeedReaders}), and the second route is started: the ingest rate with readers, the records/s
 * they were served and their request latency. The second load goes into a store already holding the first's
 * records, which if anything slows it: the comparison leans against the readers, not for them.
 */
final class ReadersScenario {

    /** Issue 18: records/s served to the readers together. */
    static final double TARGET_SERVED = 30_000;
    /** Issue 18: ingest with readers at least this fraction of ingest alone (slowed by at most 20 %). */
    static final double TARGET_INGEST_RATIO = 0.8;
    private static final int STALL_SECONDS = 120;
    private static final int WARM_UP_ROWS = 20_000;

    private final BenchOptions options;
    private final BenchDatabases dbs;
    private final BenchReport report;

    ReadersScenario(BenchOptions options, BenchDatabases dbs, BenchReport report) {
        this.options = options;
        this.dbs = dbs;
        this.report = report;
    }

    /** Rows of each timed load at most, whatever {@code --rows} says. */
    static final int MAX_ROWS = 30_000;

    /** Runs both phases; returns true when both targets were met. */
    boolean run(Path work) throws Exception {
        // each timed load is capped: with the readers on, ingest can fall to a few hundred rows/s, and
        // --scenario=all must stay under 10 minutes (issue 18)
        int rows = Math.min(options.rows(), MAX_ROWS);
        DepartmentRegistry registry = DepartmentRegistry.load(Path.of("config", "departments.yaml"));
        List<BenchFeeds.Feed> feeds = BenchFeeds.of(registry).stream().filter(f -> f.category() == Category.C2)
                .limit(3).toList();
        BenchFeeds.Feed warm = feeds.get(0);
        BenchFeeds.Feed alone = feeds.get(1);
        BenchFeeds.Feed read = feeds.get(2);
        int warmRows = Math.min(WARM_UP_ROWS, rows);
        dbs.recreate();
        try (Connection source = dbs.connect(dbs.source())) {
            long t = new LicenceSeeder(new LicenceRows(41), warm.table()).seed(source, warmRows);
            t += new LicenceSeeder(new LicenceRows(42), alone.table()).seed(source, rows);
            t += new LicenceSeeder(new LicenceRows(43), read.table()).seed(source, rows);
            BenchReport.progress("(readers) seeded %d rows into %s, %d into %s and %s in %.1f s", warmRows,
                    warm.table(), rows, alone.table(), read.table(), t / 1e9);
        }
        dbs.analyzeSource(warm.table(), alone.table(), read.table());
        Map<String, String> settings = new LinkedHashMap<>(HubRun.postgresStore(dbs, options));
        settings.put("hub.mappings-dir", BenchFeeds.writeMappings(Path.of("mappings"), work.resolve("mappings"), feeds)
                .toString());
        settings.put("hub.deadline.scan-delay", BenchRoutes.SCAN_HELD_OFF);
        feeds.forEach(f -> settings.putAll(HubRun.dataSource(dbs, f.dataSource())));
        String routes = BenchRoutes.HEADER + warm.routeFileEntry(options.batchSize())
                + alone.routeFileEntry(options.batchSize()) + read.routeFileEntry(options.batchSize());
        try (HubRun hub = new HubRun(options); Connection store = dbs.monitor(dbs.store())) {
            BenchReport.progress("(readers) starting the hub in this JVM");
            hub.start(work, routes, settings);
            List<String> keys = clients(hub, registry.bureau().code());

            // untimed: the JVM's warm-up (class loading, JIT) of both paths, ingest and serving, which would
            // otherwise fall on the first load (ingest) and on the load with readers (serving) only
            BenchReport.progress("(readers) warm-up: %s/%s, %d rows, while %d readers page the feed", warm.department(),
                    warm.feed(), warmRows, keys.size());
            FeedReaders warming = new FeedReaders(hub.port(), keys);
            warming.start();
            hub.startRoutesExcept(Set.of(alone.routeId(), read.routeId()));
            hub.awaitRecords(store, warmRows, STALL_SECONDS);
            warming.stop();

            BenchReport.progress("(readers a) %s/%s alone, %d rows, no readers", alone.department(), alone.feed(),
                    rows);
            long begin = System.nanoTime();
            hub.startRoute(alone.routeId());
            hub.awaitRecords(store, warmRows + (long) rows, STALL_SECONDS);
            double without = rows / ((System.nanoTime() - begin) / 1e9);
            HubRun.awaitFeed(store, 300); // the readers start on a feed that holds the loads before

            BenchReport.progress("(readers b) %s/%s, %d rows, while %d readers page the feed", read.department(),
                    read.feed(), rows, keys.size());
            FeedReaders readers = new FeedReaders(hub.port(), keys);
            readers.start();
            begin = System.nanoTime();
            hub.startRoute(read.routeId());
            hub.awaitRecords(store, warmRows + 2L * rows, STALL_SECONDS);
            double with = rows / ((System.nanoTime() - begin) / 1e9);
            FeedReaders.Result r = readers.stop();
            return report(alone, read, rows, without, with, r, hub.bean(FeedReadGate.class).concurrent());
        }
    }

    /** Adds one bureau API client per reader and issues its key, as {@code clients add} would. */
    private List<String> clients(HubRun hub, String bureau) {
        ApiClients clients = hub.bean(ApiClients.class);
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= options.readers(); i++) {
            String id = "bench-reader-" + i;
            clients.add(id, Role.BUREAU, bureau, "Benchmark: feed reader " + i, AuditLog.HUB);
            keys.add(clients.issue(id, AuditLog.HUB).key());
        }
        return keys;
    }

    private boolean report(BenchFeeds.Feed alone, BenchFeeds.Feed read, int rows, double without, double with,
            FeedReaders.Result r, int slots) {
        double served = r.records() / r.seconds();
        double ratio = with / without;
        report.line("readers: %d bureau clients paging GET /api/v1/records?limit=%d from the start, over and over,"
                + " while %s/%s ingested %d rows: %d records in %d pages in %.1f s = %.0f records/s served"
                + " (target ≥ %.0f)%s", options.readers(), FeedReaders.LIMIT, read.department(), read.feed(),
                rows, r.records(), r.pages(), r.seconds(), served, TARGET_SERVED,
                served >= TARGET_SERVED ? "" : " NOT MET");
        report.line("  request latency (send to last byte): p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d answered 429"
                + " (the per-client rate limit) or 503 (no feed-read slot in time); pages read at once on the hub: %d"
                + " (hub.api.feed-reads.concurrent)", BenchReport.percentile(r.latencyMs(), 50),
                BenchReport.percentile(r.latencyMs(), 99),
                r.latencyMs().length == 0 ? Double.NaN : r.latencyMs()[r.latencyMs().length - 1], r.throttled(),
                slots);
        report.line("  the readers' own threads (sending, receiving and counting every page, in this JVM beside the hub)"
                + " used %.1f CPU-seconds of the %.1f s, on %d cores", r.cpuSeconds(), r.seconds(),
                Runtime.getRuntime().availableProcessors());
        report.line("  ingest (jdbc-source, %d rows): alone (%s/%s) %.0f records/s, with the readers %.0f records/s;"
                + " with / without %.2f (target ≥ %.2f: slowed by at most 20 %%)%s", rows, alone.department(),
                alone.feed(), without, with, ratio, TARGET_INGEST_RATIO, ratio >= TARGET_INGEST_RATIO ? "" : " NOT MET");
        report.line("  both loads with the obligation scan held off (hub.deadline.scan-delay=%s ms): the seeded"
                + " decisions are years old and its first run would raise a late alert per record",
                BenchRoutes.SCAN_HELD_OFF);
        return served >= TARGET_SERVED && ratio >= TARGET_INGEST_RATIO;
    }
}
