package org.onex.hub.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of {@code benchmark}; the defaults are the figures of issue item 13.
 *
 * @param rows        rows seeded into the source and loaded twice (baseline, hub)
 * @param batchSize   rows per batch for both loaders
 * @param rate        rows per second inserted in the latency phase
 * @param seconds     duration of the latency phase
 * @param host        PostgreSQL host:port (trust authentication)
 * @param user        PostgreSQL user allowed to create databases
 * @param storeParams extra JDBC URL parameters of the hub's own store connection (to try driver settings)
 * @param hubLog      log level of the hub started in-process
 */
record BenchOptions(int rows, int batchSize, int rate, int seconds, String host, String user, String storeParams,
        String hubLog) {

    static final String USAGE = "usage: benchmark [--rows=200000] [--batch=500] [--rate=200] [--seconds=30]"
            + " [--host=127.0.0.1:5432] [--user=postgres] [--store-params=<jdbc url parameters>] [--hub-log=WARN]";

    private static final Map<String, String> DEFAULTS = Map.of("rows", "200000", "batch", "500", "rate", "200",
            "seconds", "30", "host", "127.0.0.1:5432", "user", "postgres", "store-params", "reWriteBatchedInserts=true", "hub-log", "WARN");

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
        return new BenchOptions(positive(values, "rows"), positive(values, "batch"), positive(values, "rate"),
                positive(values, "seconds"), values.get("host"), values.get("user"), values.get("store-params"),
                values.get("hub-log"));
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
}
