package org.onex.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar onex-hub.jar benchmark}: throughput and latency of the hub's ingest paths. Benchmarks are
 * not tests (DESIGN.md "Testing"); this command prints figures. {@code --scenario} picks what runs:
 *
 * <p>jdbc (the default; Foundation item 13): create two throw-away PostgreSQL databases; seed 200,000
 * licences (fixed seed) into the source; (a) load them with a hand-written JDBC loop into the hub's tables
 * (baseline); empty the store; (b) start the hub in this JVM with one {@code jdbc-source} route and time it
 * storing the same rows; (c) with the hub still running, insert 200 rows/s for 30 s and measure each row's
 * delay from source commit to feed visibility. Exit code 0 when the hub reaches the baseline's rate and 0.65 of
 * the plain copy's (issue 18), 1 when not. The databases are dropped at the end in every case.
 *
 * <p>sftp and push: a 100,000-row CSV read over SFTP ({@link SftpScenario}) and 100,000
 * rows pushed over REST in requests of 500 ({@link PushScenario}), each against a fresh hub whose store is
 * the embedded H2 default (or PostgreSQL with {@code --store=postgres}). They fail (exit code 2) when a row
 * is not stored; otherwise they exit 0.
 *
 * <p>departments and readers (issue 18), on the PostgreSQL databases as jdbc: every providing unit's table polled
 * at once against one table of the same rows ({@link DepartmentsScenario}); ingest alone against ingest while API
 * clients page the feed ({@link ReadersScenario}). Exit code 1 when a scenario misses its target.
 * {@code all} runs jdbc, sftp, push, departments and readers in turn. Exit code 2 on any error.
 *
 * <p>cluster (issue 16 item 7; not part of {@code all}: it needs no database but a minute or more): N Hazelcast
 * members in this JVM, each polling the simulated sources it owns ({@link ClusterScenario}); one is then killed.
 * Exit code 0 when every source was polled by exactly one node in steady state and the killed node's sources
 * moved, 1 when not.
 */
public final class BenchmarkCommand {

    private final BenchOptions options;
    private final BenchDatabases dbs;
    private final BenchReport report = new BenchReport();

    private BenchmarkCommand(BenchOptions options) {
        this.options = options;
        this.dbs = new BenchDatabases(options.host(), options.user(), options.dbPrefix());
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
        if (!usesPostgres()) {
            return measure();
        }
        try (Connection lock = dbs.lock()) { // held for the whole run
            return measure();
        }
    }

    private boolean usesPostgres() {
        return options.scenarios().contains(BenchOptions.JDBC) || options.scenarios().contains(BenchOptions.DEPARTMENTS)
                || options.scenarios().contains(BenchOptions.READERS) || options.postgresStore();
    }

    private int measure() throws Exception {
        Path work = Files.createTempDirectory("hub-bench");
        try {
            String facts = (usesPostgres() ? dbs.serverFacts() + ", " : "") + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version() + ", load average " + BenchReport.loadAverage() + " at start";
            boolean jdbcOk = true;
            boolean clusterOk = true;
            boolean departmentsOk = true;
            boolean readersOk = true;
            for (String scenario : options.scenarios()) {
                if (BenchOptions.CLUSTER.equals(scenario)) {
                    quietLogs(options.hubLog());
                    clusterOk = new ClusterScenario(options, report).run().ok();
                } else if (BenchOptions.JDBC.equals(scenario)) {
                    jdbcOk = new JdbcScenario(options, dbs, report).run(work.resolve(scenario));
                } else if (BenchOptions.DEPARTMENTS.equals(scenario)) {
                    departmentsOk = new DepartmentsScenario(options, dbs, report).run(work.resolve(scenario));
                } else if (BenchOptions.READERS.equals(scenario)) {
                    readersOk = new ReadersScenario(options, dbs, report).run(work.resolve(scenario));
                } else if (BenchOptions.SFTP.equals(scenario)) {
                    new SftpScenario(options, report).run(work.resolve(scenario), store());
                } else {
                    new PushScenario(options, report).run(work.resolve(scenario), store());
                }
            }
            report.line("machine: %s, %s at end", facts, BenchReport.loadAverage());
            report.print(title());
            return jdbcOk && clusterOk && departmentsOk && readersOk ? 0 : 1;
        } finally {
            if (usesPostgres()) {
                dbs.dropQuietly();
            }
            deleteTree(work);
        }
    }

    /** Settings of the hub store of the sftp and push scenarios: a fresh one for each. */
    private Map<String, String> store() throws java.sql.SQLException {
        if (!options.postgresStore()) {
            return Map.of(); // the embedded default: H2 under the scenario's work folder
        }
        dbs.recreate();
        return HubRun.postgresStore(dbs, options);
    }

    private String title() {
        List<String> parts = new ArrayList<>();
        String store = options.postgresStore() ? "PostgreSQL " + options.host() : "H2 (embedded default)";
        for (String scenario : options.scenarios()) {
            if (BenchOptions.CLUSTER.equals(scenario)) {
                parts.add("cluster " + options.nodes() + " nodes, " + options.sources() + " sources every "
                        + BenchReport.duration(options.pollInterval()) + ", steady window " + options.seconds() + " s");
            } else if (BenchOptions.JDBC.equals(scenario)) {
                parts.add(options.rows() + " rows, batch " + options.batchSize() + ", PostgreSQL " + options.host()
                        + (options.storeParams().isEmpty() ? "" : ", hub store URL parameters " + options.storeParams()));
            } else if (BenchOptions.DEPARTMENTS.equals(scenario)) {
                parts.add("departments " + options.rows() + " rows over every providing unit's table, batch "
                        + options.batchSize() + ", PostgreSQL " + options.host());
            } else if (BenchOptions.READERS.equals(scenario)) {
                parts.add("readers " + options.readers() + " clients paging /api/v1/records while " + options.rows()
                        + " rows are ingested, batch " + options.batchSize() + ", PostgreSQL " + options.host());
            } else if (BenchOptions.SFTP.equals(scenario)) {
                parts.add("sftp " + options.fileRows() + "-row " + options.encoding() + " CSV, batch "
                        + options.batchSize() + ", hub store " + store);
            } else {
                parts.add("push " + options.pushRows() + " rows, " + options.batchSize() + " a request, "
                        + options.pushClients() + (options.pushClients() == 1 ? " client" : " clients")
                        + ", hub store " + store);
            }
        }
        return String.join("; ", parts);
    }

    /**
     * The cluster scenario runs Hazelcast and Camel without Spring, whose logging settings would otherwise quiet
     * them: the root logger gets {@code --hub-log} (WARN), as the hub of the other scenarios does.
     */
    private static void quietLogs(String level) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.toLevel(level, ch.qos.logback.classic.Level.WARN));
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("benchmark: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
