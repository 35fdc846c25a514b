package org.onex.hub.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@code benchmark}; the defaults are the sizes the README's benchmark figures were taken
 * with (jdbc, sftp, push).
 *
 * @param scenario    jdbc, sftp, push or all (all three, in that order)
 * @param rows        jdbc: rows seeded into the source and loaded twice (baseline, hub)
 * @param batchSize   rows per batch for every loader: the JDBC loops, the sftp-source ingest batches, the rows
 *                    of one REST push request
 * @param rate        jdbc: rows per second inserted in the latency phase
 * @param seconds     jdbc: duration of the latency phase
 * @param host        PostgreSQL host:port (trust authentication)
 * @param user        PostgreSQL user allowed to create databases
 * @param storeParams extra JDBC URL parameters of the hub's own store connection (to try driver settings)
 * @param hubLog      log level of the hub started in-process
 * @param store       sftp, push: the hub's store, h2 (the embedded default) or postgres ({@code --host})
 * @param fileRows    sftp: rows of the CSV file dropped on the SFTP server
 * @param encoding    sftp: encoding of that file (GB18030 or UTF-8)
 * @param stableFor   sftp: the stable-size read lock's window ({@code stableFor} of sftp-source)
 * @param pushRows    push: rows pushed over REST
 * @param pushClients push: requests in flight at once
 */
record BenchOptions(String scenario, int rows, int batchSize, int rate, int seconds, String host, String user,
        String storeParams, String hubLog, String store, int fileRows, String encoding, Duration stableFor,
        int pushRows, int pushClients) {

    static final String USAGE = "usage: benchmark [--scenario=jdbc|sftp|push|all] [--rows=200000] [--batch=500]"
            + " [--rate=200] [--seconds=30] [--host=127.0.0.1:5432] [--user=postgres]"
            + " [--store-params=<jdbc url parameters>] [--hub-log=WARN] [--store=h2|postgres] [--file-rows=100000]"
            + " [--encoding=GB18030|UTF-8] [--stable-for=1s] [--push-rows=100000] [--push-clients=1]";

    static final String JDBC = "jdbc";
    static final String SFTP = "sftp";
    static final String PUSH = "push";

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("scenario", JDBC);
        d.put("rows", "200000");
        d.put("batch", "500");
        d.put("rate", "200");
        d.put("seconds", "30");
        d.put("host", "127.0.0.1:5432");
        d.put("user", "postgres");
        d.put("store-params", "reWriteBatchedInserts=true");
        d.put("hub-log", "WARN");
        d.put("store", "h2");
        d.put("file-rows", "100000");
        d.put("encoding", "GB18030");
        d.put("stable-for", "1s");
        d.put("push-rows", "100000");
        d.put("push-clients", "1");
        return Map.copyOf(d);
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(2, eq);
            if (!arg.startsWith("--") || eq < 0 || !DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            values.put(name, arg.substring(eq + 1));
        }
        return new BenchOptions(oneOf(values, "scenario", JDBC, SFTP, PUSH, "all"), positive(values, "rows"),
                positive(values, "batch"), positive(values, "rate"), positive(values, "seconds"), values.get("host"),
                values.get("user"), values.get("store-params"), values.get("hub-log"),
                oneOf(values, "store", "h2", "postgres"), positive(values, "file-rows"),
                oneOf(values, "encoding", "GB18030", "UTF-8"), duration(values, "stable-for"),
                positive(values, "push-rows"), positive(values, "push-clients"));
    }

    /** The scenarios to run, in order. */
    List<String> scenarios() {
        return "all".equals(scenario) ? List.of(JDBC, SFTP, PUSH) : List.of(scenario);
    }

    boolean postgresStore() {
        return "postgres".equals(store);
    }

    private static int positive(Map<String, String> values, String name) {
        String value = values.get(name);
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + value + "'");
    }

    private static String oneOf(Map<String, String> values, String name, String... allowed) {
        String value = values.get(name);
        if (!Set.of(allowed).contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + String.join(", ", allowed)
                    + ", got '" + value + "'");
        }
        return value;
    }

    /** A duration as the route templates take it: 1500ms, 1s, 2m. */
    private static Duration duration(Map<String, String> values, String name) {
        String value = values.get(name).trim();
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
