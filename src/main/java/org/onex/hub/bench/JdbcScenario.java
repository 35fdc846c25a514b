package org.onex.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;

/**
 * The jdbc scenario (Foundation item 13): a plain table copy and a hand-written JDBC loop as the yardsticks, then
 * the hub's own {@code jdbc-source} pipeline draining the same seeded rows, then the commit-to-feed delay under a
 * steady trickle. Source and store are the benchmark's throw-away PostgreSQL databases.
 * <p>
 * Each of the three arms first loads {@link LicenceSeeder#WARM_ROWS} rows of a table of its own, untimed, as the
 * departments and readers scenarios do: until 2026-12-06 the arms ran cold, and in a 15–25 s phase the JIT's
 * compiler threads took several CPU-seconds from the hub alone (its code path is many times the loops'), so the
 * ratio measured warming up as much as ingesting. A county's load of millions of rows runs warm.
 */
final class JdbcScenario {

    /** Issue 18: the hub must store at least as many records per second as the baseline loop... */
    static final double TARGET_RATIO = 1.0;
    /** ...and at least this fraction of the plain copy's rows per second; both decide the exit code. */
    static final double PLAIN_COPY_TARGET = 0.65;

    private final BenchOptions options;
    private final BenchDatabases dbs;
    private final BenchReport report;

    JdbcScenario(BenchOptions options, BenchDatabases dbs, BenchReport report) {
        this.options = options;
        this.dbs = dbs;
        this.report = report;
    }

    /** The jdbc scenario, phases (a) to (c); returns whether the hub met both targets of issue 18. */
    boolean run(Path work) throws Exception {
        try (HubRun hub = new HubRun(options)) {
            dbs.recreate();
            LicenceSeeder seeder = new LicenceSeeder(new LicenceRows(42));
            try (Connection source = dbs.connect(dbs.source())) {
                long t = seeder.seed(source, options.rows()) + LicenceSeeder.seedWarmUp(source, options.rows());
                progress("seeded %d rows into %s.xk_licence and %d into %s in %.1f s", options.rows(), dbs.source(),
                        LicenceSeeder.warmRows(options.rows()), LicenceSeeder.WARM_TABLE, t / 1e9);
            }
            dbs.analyzeSource("xk_licence", LicenceSeeder.WARM_TABLE);
            dbs.migrateStore();
            warmUp(work.resolve("warm-up"));
            double plain = plainCopy("xk_licence", true);
            double baseline = baseline("xk_licence", true);
            dbs.truncateStore();
            boolean met = hubLoad(hub, work, baseline, plain);
            latency(seeder);
            return met;
        }
    }

    /**
     * The untimed warm-up of all three arms, each from {@link LicenceSeeder#WARM_TABLE}: the plain copy, the
     * baseline loop, and a hub of its own (started, drained, closed); the store is emptied after each.
     */
    private void warmUp(Path work) throws Exception {
        int rows = LicenceSeeder.warmRows(options.rows());
        progress("warm-up (untimed): each arm loads %d rows of %s", rows, LicenceSeeder.WARM_TABLE);
        plainCopy(LicenceSeeder.WARM_TABLE, false);
        baseline(LicenceSeeder.WARM_TABLE, false);
        dbs.truncateStore();
        try (HubRun hub = new HubRun(options); Connection store = dbs.monitor(dbs.store())) {
            hub.start(work, BenchRoutes.HEADER + BenchRoutes.jdbcRoute("bench-warm-up", "scjgj", "licences",
                    "bench-src", LicenceSeeder.WARM_TABLE, options.batchSize()), HubRun.jdbcSettings(dbs, options));
            long begin = System.nanoTime();
            hub.startRoutes();
            hub.awaitRecords(store, rows, 120);
            progress("  hub: %d records in %.1f s", rows, (System.nanoTime() - begin) / 1e9);
            HubRun.awaitFeed(store, 120);
        }
        dbs.truncateStore();
    }

    /**
     * The plain-copy arm (issue 18 item 1): rows/s of a plain table copy, the tool county IT teams compare with;
     * reported when {@code timed}.
     */
    private double plainCopy(String table, boolean timed) throws Exception {
        progress("(a0) plain copy of %s: cursor fetch %d, batches of %d, reWriteBatchedInserts", table,
                PlainCopyLoader.FETCH, PlainCopyLoader.BATCH);
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", dbs.user());
        props.setProperty("password", "");
        props.setProperty("reWriteBatchedInserts", "true");
        try (Connection source = dbs.connect(dbs.source());
                Connection store = java.sql.DriverManager.getConnection(dbs.url(dbs.store()), props)) {
            long begin = System.nanoTime();
            long n = new PlainCopyLoader(table).run(source, store);
            double seconds = (System.nanoTime() - begin) / 1e9;
            line(timed, "plain copy (cursor → batched INSERT into a plain table): %d rows in %.1f s = %.0f rows/s", n,
                    seconds, n / seconds);
            try (var s = store.createStatement()) {
                s.execute("DROP TABLE " + PlainCopyLoader.TABLE);
            }
            return n / seconds;
        }
    }

    /** The baseline arm: records/s of the hand-written loop; reported when {@code timed}. */
    private double baseline(String table, boolean timed) throws Exception {
        progress("(a) baseline of %s: hand-written JDBC loop, batches of %d", table, options.batchSize());
        try (Connection source = dbs.connect(dbs.source()); Connection store = dbs.connect(dbs.store());
                Connection monitor = dbs.monitor(dbs.store())) {
            Wal wal = Wal.now(monitor);
            long begin = System.nanoTime();
            long n = new BaselineLoader(options.batchSize(), table).run(source, store);
            double seconds = (System.nanoTime() - begin) / 1e9;
            line(timed, "baseline (hand-written JDBC loop): %d records in %.1f s = %.0f records/s", n, seconds,
                    n / seconds);
            if (timed) {
                line("  per version stored: %s", storedBytes(store));
                line("  %s", wal.since(monitor, n));
            }
            return n / seconds;
        }
    }

    /** Runs phase (b) and returns whether the hub met both targets. */
    private boolean hubLoad(HubRun hub, Path work, double baseline, double plain) throws Exception {
        progress("(b) hub pipeline: starting the hub in this JVM");
        HeapPeak.reset();
        long startup = hub.start(work, HubRun.jdbcRouteFile(options.batchSize()), HubRun.jdbcSettings(dbs, options));
        try (Connection store = dbs.monitor(dbs.store())) {
            Wal wal = Wal.now(store);
            long begin = System.nanoTime();
            hub.startRoutes();
            hub.awaitRecords(store, options.rows(), 120);
            double seconds = (System.nanoTime() - begin) / 1e9;
            String walLoad = wal.since(store, options.rows());
            long heapPeak = HeapPeak.peakMib();
            double rate = options.rows() / seconds;
            line("hub pipeline (jdbc-source → map → validate → store): %d records in %.1f s = %.0f records/s",
                    options.rows(), seconds, rate);
            line("  per version stored: %s", storedBytes(store));
            line("ratio hub/baseline: %.2f (target ≥ %.2f)%s", rate / baseline, TARGET_RATIO,
                    rate / baseline >= TARGET_RATIO ? "" : " NOT MET");
            line("ratio hub/plain copy: %.2f (target ≥ %.2f)%s", rate / plain, PLAIN_COPY_TARGET,
                    rate / plain >= PLAIN_COPY_TARGET ? "" : " NOT MET");
            line("  timed from the first poll; Spring/Camel/Artemis start-up took %.1f s more (with it: %.0f records/s);"
                    + " each arm after an untimed warm-up load of %d rows", startup / 1e9,
                    options.rows() / (seconds + startup / 1e9), LicenceSeeder.warmRows(options.rows()));
            long[] feed = HubRun.awaitFeed(store, 300);
            line("  feed after the last record was stored: all sequenced %s, all published to Artemis %s",
                    BenchReport.after(feed[0], 300), BenchReport.after(feed[1], 300));
            line("  %s until the last record was stored; with the feed drain: %s", walLoad,
                    wal.since(store, options.rows()));
            line("hub peak heap: %d MiB during the load, %d MiB with the feed drain (max heap %d MiB)", heapPeak,
                    HeapPeak.peakMib(), HeapPeak.maxMib());
            line("  store on disk after the feed drain: %s", diskBytes(store));
            return rate / baseline >= TARGET_RATIO && rate / plain >= PLAIN_COPY_TARGET;
        }
    }

    private void latency(LicenceSeeder seeder) throws Exception {
        progress("(c) latency: %d rows/s for %d s", options.rate(), options.seconds());
        try (Connection source = dbs.connect(dbs.source()); Connection store = dbs.monitor(dbs.store())) {
            LatencyProbe.Result r = new LatencyProbe(seeder).run(source, store, options.rate(), options.seconds(), 60);
            line("commit→feed delay at %d rows/s for %d s: p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                    + " (pollInterval %s, commitDelay %s)", options.rate(), options.seconds(), r.percentile(50),
                    r.percentile(99), r.max(), HubRun.POLL_INTERVAL, HubRun.COMMIT_DELAY);
            line("  %d rows inserted (%.1f rows/s achieved), %d not in the feed 60 s later; floor = commitDelay"
                    + " + up to one pollInterval + ingest + feed sequencer period (200 ms) + probe period (%d ms)",
                    r.inserted(), r.achievedRate(), r.missing(), LatencyProbe.POLL_MS);
        }
    }

    private static String storedBytes(Connection store) throws java.sql.SQLException {
        try (var s = store.createStatement(); var rs = s.executeQuery("SELECT avg(octet_length(envelope)),"
                + " avg(octet_length(source_payload)) FROM hub_record_version")) {
            rs.next();
            return String.format(Locale.ROOT, "envelope %.0f B + source payload %.0f B", rs.getDouble(1), rs.getDouble(2));
        }
    }

    /**
     * The hub store's tables on disk (heap, indexes, TOAST: {@code pg_total_relation_size}) per record version:
     * what capacity planning multiplies by (docs/scaling.md). Autovacuum may not have run yet, so this includes
     * the dead tuples the feed sequencer's updates leave behind.
     */
    private static String diskBytes(Connection store) throws java.sql.SQLException {
        try (var s = store.createStatement(); var rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM hub_record_version),"
                + " (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                + " AND c.relname LIKE 'hub\\_%'), pg_total_relation_size('hub_record_version'),"
                + " pg_total_relation_size('hub_record'), pg_total_relation_size('hub_feed')")) {
            rs.next();
            long versions = Math.max(1, rs.getLong(1));
            return String.format(Locale.ROOT, "%.1f MiB in the hub_ tables for %d versions = %d B per version"
                    + " (hub_record_version %d B, hub_record %d B, hub_feed %d B)", rs.getLong(2) / 1048576.0,
                    rs.getLong(1), rs.getLong(2) / versions, rs.getLong(3) / versions, rs.getLong(4) / versions,
                    rs.getLong(5) / versions);
        }
    }

    /**
     * The server's write-ahead log position and checkpoint count at one moment: what an arm cost the server in WAL
     * (every row, index entry, row lock and full-page image written after a checkpoint) and how many checkpoints
     * it set off. WAL is the whole server's; the benchmark's databases are the only busy ones while it runs.
     */
    record Wal(long lsn, long checkpoints) {

        static Wal now(Connection c) throws java.sql.SQLException {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn,"
                    + " checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")) {
                rs.next();
                return new Wal(rs.getLong(1), rs.getLong(2));
            }
        }

        String since(Connection c, long records) throws java.sql.SQLException {
            Wal now = now(c);
            long bytes = now.lsn - lsn;
            return String.format(Locale.ROOT, "WAL written: %.0f MiB = %d B per record, %d checkpoint(s) begun",
                    bytes / 1048576.0, bytes / Math.max(1, records), now.checkpoints - checkpoints);
        }
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }

    /** A line of the report when the arm is timed; of the progress log when it is a warm-up. */
    private void line(boolean timed, String format, Object... args) {
        if (timed) {
            report.line(format, args);
        } else {
            progress("  " + format, args);
        }
    }

    private static void progress(String format, Object... args) {
        BenchReport.progress(format, args);
    }

}
