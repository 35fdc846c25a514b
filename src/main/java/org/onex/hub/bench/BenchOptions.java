package org.onex.hub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.onex.hub.cli.CommandLines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line options of {@code benchmark}; the defaults are the sizes the README's benchmark figures were taken
 * with (jdbc, sftp, push, departments, readers).
 *
 * @param scenario     jdbc, sftp, push, departments, readers, cluster or all (jdbc, sftp, push, departments and
 *                     readers, in that order; not cluster)
 * @param rows         jdbc: rows seeded into the source and loaded twice (baseline, hub); departments: rows split
 *                     over the departments' tables and, for the comparison, loaded from one table; readers: rows
 *                     ingested alone, then as many again while the readers page the feed
 * @param batchSize    rows per batch for every loader: the JDBC loops, the sftp-source ingest batches, the rows
 *                     of one REST push request
 * @param rate         jdbc: rows per second inserted in the latency phase
 * @param seconds      jdbc: duration of the latency phase; cluster: of the steady-state window
 * @param host         PostgreSQL host:port (trust authentication)
 * @param user         PostgreSQL user allowed to create databases
 * @param storeParams  extra JDBC URL parameters of the hub's own store connection (to try driver settings)
 * @param hubLog       log level of the hub started in-process (cluster: of Hazelcast and Camel in this JVM)
 * @param store        sftp, push: the hub's store, h2 (the embedded default) or postgres ({@code --host})
 * @param fileRows     sftp: rows of the CSV file dropped on the SFTP server
 * @param encoding     sftp: encoding of that file (GB18030 or UTF-8)
 * @param stableFor    sftp: the stable-size read lock's window ({@code stableFor} of sftp-source)
 * @param pushRows     push: rows pushed over REST
 * @param pushClients  push: requests in flight at once
 * @param nodes        cluster: hub nodes (Hazelcast members) started in this JVM; the first is killed
 * @param sources      cluster: simulated department sources (one-node timer routes)
 * @param pollInterval cluster: each source's poll interval
 * @param pollLog      cluster: a CSV file to write every poll to (source, node, scheduled, actual), or null
 * @param dbPrefix     names of the throw-away databases ({@code <prefix>_source}, {@code <prefix>_store}) and of
 *                     the lock runs with the same prefix share; another prefix lets two runs use one server at once
 * @param readers      readers: API clients paging {@code GET /api/v1/records} at once while ingest runs
 */
record BenchOptions(String scenario, int rows, int batchSize, int rate, int seconds, String host, String user,
        String storeParams, String hubLog, String store, int fileRows, String encoding, Duration stableFor,
        int pushRows, int pushClients, int nodes, int sources, Duration pollInterval, Path pollLog, String dbPrefix,
        int readers) {

    static final String USAGE = "usage: benchmark [--scenario=jdbc|sftp|push|departments|readers|all]"
            + " [--rows=200000] [--batch=500]"
            + " [--rate=200] [--seconds=30] [--host=127.0.0.1:5432] [--user=postgres]"
            + " [--store-params=<jdbc url parameters>] [--hub-log=WARN] [--store=h2|postgres] [--file-rows=100000]"
            + " [--encoding=GB18030|UTF-8] [--stable-for=1s] [--push-rows=100000] [--push-clients=1]"
            + " [--readers=8] [--db-prefix=hub_bench]"
            + " [--scenario=cluster [--nodes=3] [--sources=240] [--poll-interval=1s] [--poll-log=<csv file>]]";

    static final String JDBC = "jdbc";
    static final String SFTP = "sftp";
    static final String PUSH = "push";
    static final String DEPARTMENTS = "departments";
    static final String READERS = "readers";
    static final String CLUSTER = "cluster";
    /** What {@code --scenario=all} runs, in order. */
    static final List<String> ALL = List.of(JDBC, SFTP, PUSH, DEPARTMENTS, READERS);

    /** The command line of {@code benchmark}, with the defaults above. */
    @Command(name = "benchmark")
    static final class Arguments {
        @Option(names = "--scenario", defaultValue = JDBC) String scenario;
        @Option(names = "--rows", defaultValue = "200000") int rows;
        @Option(names = "--batch", defaultValue = "500") int batch;
        @Option(names = "--rate", defaultValue = "200") int rate;
        @Option(names = "--seconds", defaultValue = "30") int seconds;
        @Option(names = "--host", defaultValue = "127.0.0.1:5432") String host;
        @Option(names = "--user", defaultValue = "postgres") String user;
        @Option(names = "--store-params", defaultValue = "reWriteBatchedInserts=true") String storeParams;
        @Option(names = "--hub-log", defaultValue = "WARN") String hubLog;
        @Option(names = "--store", defaultValue = "h2") String store;
        @Option(names = "--file-rows", defaultValue = "100000") int fileRows;
        @Option(names = "--encoding", defaultValue = "GB18030") String encoding;
        @Option(names = "--stable-for", defaultValue = "1s") String stableFor;
        @Option(names = "--push-rows", defaultValue = "100000") int pushRows;
        @Option(names = "--push-clients", defaultValue = "1") int pushClients;
        @Option(names = "--nodes", defaultValue = "3") int nodes;
        @Option(names = "--sources", defaultValue = "240") int sources;
        @Option(names = "--poll-interval", defaultValue = "1s") String pollInterval;
        @Option(names = "--poll-log") Path pollLog;
        @Option(names = "--db-prefix", defaultValue = BenchDatabases.DEFAULT_PREFIX) String dbPrefix;
        @Option(names = "--readers", defaultValue = "8") int readers;
    }

    static BenchOptions parse(String[] args) {
        Arguments a = new Arguments();
        try {
            CommandLines.parse(a, args, arg -> false);
        } catch (CommandLines.UsageException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        if (a.nodes < 2) {
            throw new IllegalArgumentException("--nodes must be at least 2 (the cluster scenario kills one), got '"
                    + a.nodes + "'");
        }
        if (!a.dbPrefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("--db-prefix must be a lower-case PostgreSQL name of at most 41"
                    + " characters (a-z, 0-9, _), got '" + a.dbPrefix + "'");
        }
        return new BenchOptions(oneOf("scenario", a.scenario, JDBC, SFTP, PUSH, DEPARTMENTS, READERS, CLUSTER, "all"),
                positive("rows", a.rows), positive("batch", a.batch), positive("rate", a.rate),
                positive("seconds", a.seconds), a.host, a.user, a.storeParams, a.hubLog,
                oneOf("store", a.store, "h2", "postgres"), positive("file-rows", a.fileRows),
                oneOf("encoding", a.encoding, "GB18030", "UTF-8"), duration("stable-for", a.stableFor),
                positive("push-rows", a.pushRows), positive("push-clients", a.pushClients), a.nodes,
                positive("sources", a.sources), positive("poll-interval", duration("poll-interval", a.pollInterval)),
                a.pollLog, a.dbPrefix, positive("readers", a.readers));
    }

    /** The scenarios to run, in order. */
    List<String> scenarios() {
        return "all".equals(scenario) ? ALL : List.of(scenario);
    }

    boolean postgresStore() {
        return "postgres".equals(store);
    }

    private static int positive(String name, int value) {
        if (value > 0) {
            return value;
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + value + "'");
    }

    private static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("--" + name + " must be longer than 0, got '" + value.toMillis()
                    + "ms'");
        }
        return value;
    }

    private static String oneOf(String name, String value, String... allowed) {
        if (!Set.of(allowed).contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + String.join(", ", allowed)
                    + ", got '" + value + "'");
        }
        return value;
    }

    /** A duration as the route templates take it: 1500ms, 1s, 2m. */
    private static Duration duration(String name, String text) {
        String value = text.trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a duration such as 1s or 500ms, got '" + value + "'");
    }
}
