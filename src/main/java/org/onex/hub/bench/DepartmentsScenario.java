package org.onex.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.registry.DepartmentRegistry;

/**
 * The departments scenario (issue 18): every unit of the registry that provides data has its own table and its own
 * {@code jdbc-source} route ({@link BenchFeeds}), and all of them are polled at once. {@code --rows} rows are split
 * over the tables and loaded together; then, on a fresh store, the same number of rows is loaded from one table by
 * one route (the single-table figure of the same run). Both after an untimed warm-up load from a table of its own,
 * so that neither pays the JVM's warm-up (the first version measured the departments first, cold, and the single
 * table warm: 0.70–0.79 on a quiet machine; in the opposite order 1.66).
 * Prints the aggregate rate against the single-table rate (issue 18: no collapse under concurrency) and, per
 * department, its rate and its poll delay as the store shows it ({@link BatchTimes}).
 */
final class DepartmentsScenario {

    /** The aggregate must reach at least the single-table rate of the same run. */
    static final double TARGET_RATIO = 1.0;
    private static final int STALL_SECONDS = 120;
    private static final String WARM_TABLE = LicenceSeeder.WARM_TABLE;

    private final BenchOptions options;
    private final BenchDatabases dbs;
    private final BenchReport report;

    DepartmentsScenario(BenchOptions options, BenchDatabases dbs, BenchReport report) {
        this.options = options;
        this.dbs = dbs;
        this.report = report;
    }

    /** Runs both loads; returns true when the aggregate reached {@link #TARGET_RATIO} of the single table. */
    boolean run(Path work) throws Exception {
        DepartmentRegistry registry = DepartmentRegistry.load(Path.of("config", "departments.yaml"));
        List<BenchFeeds.Feed> feeds = BenchFeeds.of(registry);
        int[] sizes = BenchFeeds.split(options.rows(), feeds.size());
        dbs.recreate();
        List<String> tables = new ArrayList<>();
        try (Connection source = dbs.connect(dbs.source())) {
            long t = new LicenceSeeder(new LicenceRows(42)).seed(source, options.rows());
            tables.add("xk_licence");
            for (int i = 0; i < feeds.size(); i++) {
                t += new LicenceSeeder(new LicenceRows(43 + i), feeds.get(i).table()).seed(source, sizes[i]);
                tables.add(feeds.get(i).table());
            }
            t += LicenceSeeder.seedWarmUp(source, options.rows());
            tables.add(WARM_TABLE);
            BenchReport.progress("(departments) seeded %d rows into xk_licence, %d rows over %d department tables"
                    + " and %d into %s in %.1f s", options.rows(), options.rows(), feeds.size(), warmRows(),
                    WARM_TABLE, t / 1e9);
        }
        dbs.analyzeSource(tables.toArray(String[]::new));
        Path mappings = BenchFeeds.writeMappings(Path.of("mappings"), work.resolve("mappings"), feeds);

        // untimed: the JVM's warm-up (class loading, JIT) would otherwise fall on whichever load runs first
        BenchReport.progress("(departments) warm-up: one jdbc-source route, %d rows of %s", warmRows(), WARM_TABLE);
        Map<String, String> warm = settings(mappings);
        warm.putAll(HubRun.dataSource(dbs, "bench-src"));
        load(work.resolve("warm-up"), BenchRoutes.HEADER + BenchRoutes.jdbcRoute("bench-warm-up", "scjgj", "licences",
                "bench-src", WARM_TABLE, options.batchSize()), warm, null, warmRows());
        dbs.recreateStore();

        BenchReport.progress("(departments) %d jdbc-source routes at once, %d rows", feeds.size(), options.rows());
        StringBuilder routes = new StringBuilder(BenchRoutes.HEADER);
        Map<String, String> all = settings(mappings);
        for (BenchFeeds.Feed f : feeds) {
            routes.append(f.routeFileEntry(options.batchSize()));
            all.putAll(HubRun.dataSource(dbs, f.dataSource()));
        }
        Instant[] started = new Instant[1];
        double aggregate = load(work.resolve("departments"), routes.toString(), all, started, options.rows());
        Map<String, BatchTimes> times;
        try (Connection store = dbs.monitor(dbs.store())) {
            times = BatchTimes.read(store);
        }
        dbs.recreateStore();

        BenchReport.progress("(departments) single table: one jdbc-source route, %d rows", options.rows());
        Map<String, String> single = settings(mappings);
        single.putAll(HubRun.dataSource(dbs, "bench-src"));
        double one = load(work.resolve("single"), HubRun.jdbcRouteFile(options.batchSize()), single, null,
                options.rows());
        double ratio = aggregate / one;
        report.line("departments: %d of the %d units in config/departments.yaml provide data, each its own table and"
                + " jdbc-source route (pollInterval %s, batch %d, own data source), polled at once: %d records"
                + " = %.0f records/s aggregate", feeds.size(), registry.all().size(), HubRun.POLL_INTERVAL,
                options.batchSize(), options.rows(), aggregate);
        report.line("  single table (one jdbc-source route, the same %d rows, measured in this run after the"
                + " departments, on a fresh store): %.0f records/s; both after an untimed warm-up load of %d rows",
                options.rows(), one, warmRows());
        report.line("ratio aggregate / single-table: %.2f (target ≥ %.2f, no collapse under concurrency)%s", ratio,
                TARGET_RATIO, ratio >= TARGET_RATIO ? "" : " NOT MET");
        report.line("  both loads with the obligation scan held off (hub.deadline.scan-delay=%s ms): the seeded"
                + " decisions are years old and its first run would raise a late alert per record",
                BenchRoutes.SCAN_HELD_OFF);
        perDepartment(feeds, sizes, times, started[0]);
        return ratio >= TARGET_RATIO;
    }

    private Map<String, String> settings(Path mappings) {
        Map<String, String> p = new LinkedHashMap<>(HubRun.postgresStore(dbs, options));
        p.put("hub.mappings-dir", mappings.toString());
        p.put("hub.deadline.scan-delay", BenchRoutes.SCAN_HELD_OFF);
        return p;
    }

    private int warmRows() {
        return LicenceSeeder.warmRows(options.rows());
    }

    /**
     * Starts a hub with {@code routes}, starts its routes and times it storing {@code rows} records; returns
     * records/s. {@code started}, when given, receives the instant just before the routes were started.
     */
    private double load(Path work, String routes, Map<String, String> settings, Instant[] started, int rows)
            throws Exception {
        try (HubRun hub = new HubRun(options)) {
            long startup = hub.start(work, routes, settings);
            try (Connection store = dbs.monitor(dbs.store())) {
                if (started != null) {
                    started[0] = Instant.now();
                }
                long begin = System.nanoTime();
                hub.startRoutes();
                hub.awaitRecords(store, rows, STALL_SECONDS);
                double seconds = (System.nanoTime() - begin) / 1e9;
                BenchReport.progress("  %d records in %.1f s = %.0f records/s (start-up %.1f s before)", rows,
                        seconds, rows / seconds, startup / 1e9);
                return rows / seconds;
            }
        }
    }

    /** Each department's rate and poll delay, from the batches' {@code hub_record.created_at}. */
    private void perDepartment(List<BenchFeeds.Feed> feeds, int[] sizes, Map<String, BatchTimes> times,
            Instant started) {
        report.line("  per department (created_at of its stored batches; rate over routes started → its last batch):");
        List<Double> firsts = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            BenchFeeds.Feed f = feeds.get(i);
            BatchTimes t = times.get(f.department());
            if (t == null) {
                report.line("    %-7s %s/%s: nothing stored", f.department(), f.category(), f.feed());
                continue;
            }
            double first = BatchTimes.secondsAfter(started, t.first());
            double last = BatchTimes.secondsAfter(started, t.last());
            firsts.add(first);
            gaps.add(t.maxGapMillis() / 1000.0);
            report.line("    %-7s %s/%-11s %6d rows %7.0f rows/s, first batch +%.2f s, last +%.1f s, %3d batches,"
                    + " max gap between batches %.2f s", f.department(), f.category(), f.feed(), t.rows(),
                    t.rows() / last, first, last, t.batches(), t.maxGapMillis() / 1000.0);
            if (t.rows() != sizes[i]) {
                report.line("    %s: %d rows stored of %d seeded", f.department(), t.rows(), sizes[i]);
            }
        }
        if (!firsts.isEmpty()) {
            double[] first = firsts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] gap = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            report.line("  poll delay: first batch stored %.2f–%.2f s after the routes started (median %.2f s);"
                    + " longest wait between a department's batches: median %.2f s, max %.2f s", first[0],
                    first[first.length - 1], BenchReport.percentile(first, 50), BenchReport.percentile(gap, 50),
                    gap[gap.length - 1]);
        }
    }
}
