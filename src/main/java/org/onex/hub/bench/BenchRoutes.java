package org.onex.hub.bench;

/**
 * What the benchmark writes into the hub it starts for the jdbc-source scenarios: route file entries with the
 * benchmark's settings, and the setting that keeps the obligation scan out of two loads that are compared.
 */
final class BenchRoutes {

    /** The first line of every route file the benchmark writes. */
    static final String HEADER = "# Written by the benchmark command for one run.\n";

    /**
     * {@code hub.deadline.scan-delay} of the scenarios that compare two loads: the obligation scan's first run
     * (15 s after start by default) an hour away. The seeded decisions are years old, so that run raises a late
     * alert for nearly every stored record, a burst that would fall into one of the two loads and not the other.
     */
    static final String SCAN_HELD_OFF = "3600000";

    private BenchRoutes() {
    }

    /**
     * One {@code jdbc-source} route of a route file, with the benchmark's settings ({@value HubRun#POLL_INTERVAL}
     * polls, commit delay {@value HubRun#COMMIT_DELAY}, no look-back).
     */
    static String jdbcRoute(String routeId, String department, String feed, String dataSource, String table,
            int batchSize) {
        return "- templatedRoute:\n"
                + "    routeTemplateRef: jdbc-source\n"
                + "    routeId: " + routeId + "\n"
                + "    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: " + feed + " }\n"
                + "      - { name: dataSource, value: " + dataSource + " }\n"
                + "      - { name: table, value: " + table + " }\n"
                + "      - { name: cursorTime, value: UPDATED_AT }\n"
                + "      - { name: cursorKey, value: ID }\n"
                + "      - { name: batchSize, value: \"" + batchSize + "\" }\n"
                + "      - { name: pollInterval, value: " + HubRun.POLL_INTERVAL + " }\n"
                + "      - { name: initialDelay, value: \"0\" }\n"
                + "      - { name: commitDelay, value: " + HubRun.COMMIT_DELAY + " }\n"
                + "      - { name: lookback, value: \"0\" }\n";
    }
}
