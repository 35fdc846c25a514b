package org.onex.hub.bench;

/**
 * Command-line options of {@code benchmark}; the defaults are the figures of issue item 13.
 *
 * @param rows      rows seeded into the source and loaded twice (baseline, hub)
 * @param batchSize rows per batch for both loaders
 * @param rate      rows per second inserted in the latency phase
 * @param seconds   duration of the latency phase
 * @param host      PostgreSQL host:port (trust authentication)
 * @param user      PostgreSQL user allowed to create databases
 */
record BenchOptions(int rows, int batchSize, int rate, int seconds, String host, String user) {

    static final String USAGE = "usage: benchmark [--rows=200000] [--batch=500] [--rate=200] [--seconds=30]"
            + " [--host=127.0.0.1:5432] [--user=postgres]";

    static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions(200_000, 500, 200, 30, "127.0.0.1:5432", "postgres");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            o = switch (name) {
            case "rows" -> new BenchOptions(positive(name, value), o.batchSize, o.rate, o.seconds, o.host, o.user);
            case "batch" -> new BenchOptions(o.rows, positive(name, value), o.rate, o.seconds, o.host, o.user);
            case "rate" -> new BenchOptions(o.rows, o.batchSize, positive(name, value), o.seconds, o.host, o.user);
            case "seconds" -> new BenchOptions(o.rows, o.batchSize, o.rate, positive(name, value), o.host, o.user);
            case "host" -> new BenchOptions(o.rows, o.batchSize, o.rate, o.seconds, value, o.user);
            case "user" -> new BenchOptions(o.rows, o.batchSize, o.rate, o.seconds, o.host, value);
            default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            };
        }
        return o;
    }

    private static int positive(String name, String value) {
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
