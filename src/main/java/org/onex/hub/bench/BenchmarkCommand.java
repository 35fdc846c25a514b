package org.onex.hub.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code java -jar onex-hub.jar benchmark}: throughput and latency of the hub's JDBC ingest path
 * (issue: Foundation, item 13). Benchmarks are not tests (DESIGN.md "Testing"); this command prints figures.
 *
 * <p>One run: create two throw-away PostgreSQL databases; seed 200,000 licences (fixed seed) into the source;
 * (a) load them with a hand-written JDBC loop into the hub's tables (baseline); empty the store; (b) start
 * the hub in this JVM with one {@code jdbc-source} route and time it storing the same rows; (c) with the hub
 * still running, insert 200 rows/s for 30 s and measure each row's delay from source commit to feed
 * visibility. Exit code 0 when the hub reaches at least half the baseline's rate, 1 when not, 2 on error.
 * The databases are dropped at the end in every case.
 */
public final class BenchmarkCommand {

    /** The hub must store at least this fraction of the baseline's records per second. */
    static final double TARGET_RATIO = 0.5;

    private final BenchOptions options;
    private final BenchDatabases dbs;
    private final List<String> report = new ArrayList<>();

    private BenchmarkCommand(BenchOptions options) {
        this.options = options;
        this.dbs = new BenchDatabases(options.host(), options.user());
    }

    public static int run(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            return new BenchmarkCommand(options).execute();
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    private int execute() throws Exception {
        try (Connection lock = dbs.lock()) { // held for the whole run
            return measure();
        }
    }

    private int measure() throws Exception {
        Path work = Files.createTempDirectory("hub-bench");
        HubRun hub = new HubRun(dbs, options);
        try {
            String facts = dbs.serverFacts() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                    + loadAverage() + " at start";
            dbs.recreate();
            LicenceSeeder seeder = new LicenceSeeder(new LicenceRows(42));
            try (Connection source = dbs.connect(BenchDatabases.SOURCE)) {
                long t = seeder.seed(source, options.rows());
                progress("seeded %d rows into %s.xk_licence in %.1f s", options.rows(), BenchDatabases.SOURCE, t / 1e9);
            }
            dbs.analyzeSource();
            dbs.migrateStore();
            double baseline = baseline();
            dbs.truncateStore();
            double ratio = hubLoad(hub, work, baseline);
            latency(seeder);
            line("machine: %s, %s at end", facts, loadAverage());
            print();
            return ratio >= TARGET_RATIO ? 0 : 1;
        } finally {
            hub.close();
            dbs.dropQuietly();
            deleteTree(work);
        }
    }

    private double baseline() throws Exception {
        progress("(a) baseline: hand-written JDBC loop, batches of %d", options.batchSize());
        try (Connection source = dbs.connect(BenchDatabases.SOURCE); Connection store = dbs.connect(BenchDatabases.STORE)) {
            long begin = System.nanoTime();
            long n = new BaselineLoader(options.batchSize()).run(source, store);
            double seconds = (System.nanoTime() - begin) / 1e9;
            line("baseline (hand-written JDBC loop): %d records in %.1f s = %.0f records/s", n, seconds, n / seconds);
            line("  per version stored: %s", storedBytes(store));
            return n / seconds;
        }
    }

    /** Runs phase (b) and returns the ratio of the hub's rate to the baseline's. */
    private double hubLoad(HubRun hub, Path work, double baseline) throws Exception {
        progress("(b) hub pipeline: starting the hub in this JVM");
        HeapPeak.reset();
        long startup = hub.start(work);
        try (Connection store = dbs.monitor(BenchDatabases.STORE)) {
            long begin = System.nanoTime();
            hub.startRoutes();
            HubRun.awaitRecords(store, options.rows(), 120);
            double seconds = (System.nanoTime() - begin) / 1e9;
            long heapPeak = HeapPeak.peakMib();
            double rate = options.rows() / seconds;
            line("hub pipeline (jdbc-source → map → validate → store): %d records in %.1f s = %.0f records/s",
                    options.rows(), seconds, rate);
            line("  per version stored: %s", storedBytes(store));
            line("ratio hub/baseline: %.2f (target ≥ %.2f)", rate / baseline, TARGET_RATIO);
            line("  timed from the first poll; Spring/Camel/Artemis start-up took %.1f s more (with it: %.0f records/s)",
                    startup / 1e9, options.rows() / (seconds + startup / 1e9));
            long[] feed = HubRun.awaitFeed(store, 300);
            line("  feed after the last record was stored: all sequenced %s, all published to Artemis %s",
                    after(feed[0]), after(feed[1]));
            line("hub peak heap: %d MiB during the load, %d MiB with the feed drain (max heap %d MiB)", heapPeak,
                    HeapPeak.peakMib(), HeapPeak.maxMib());
            return rate / baseline;
        }
    }

    private void latency(LicenceSeeder seeder) throws Exception {
        progress("(c) latency: %d rows/s for %d s", options.rate(), options.seconds());
        try (Connection source = dbs.connect(BenchDatabases.SOURCE); Connection store = dbs.monitor(BenchDatabases.STORE)) {
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

    private static String after(long nanos) {
        return nanos < 0 ? "NOT within 300 s" : String.format(Locale.ROOT, "+%.1f s", nanos / 1e9);
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        progress("%s", text);
    }

    private static void progress(String format, Object... args) {
        System.out.println("benchmark: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private void print() {
        System.out.println();
        System.out.println("==== onex-hub benchmark: " + options.rows() + " rows, batch " + options.batchSize()
                + ", PostgreSQL " + options.host() + (options.storeParams().isEmpty() ? ""
                        : ", hub store URL parameters " + options.storeParams()) + " ====");
        report.forEach(System.out::println);
        System.out.println("====");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("benchmark: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
