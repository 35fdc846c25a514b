package org.onex.hub.faults;

/**
 * The figures of one scenario on one store: kill -9s during the run (each lands in every scenario of the store's
 * run, as they run at the same time), rows (or decisions) acknowledged to the department, found in the end, lost,
 * duplicated, and deliveries stuck. A store's own row ({@link #store(String, long, long, long, long)}) carries what
 * belongs to the hub rather than to one scenario: feed gaps and outages survived of those run.
 */
record Tally(String store, String scenario, long kills, long acknowledged, long found, long lost, long duplicated,
        long feedGaps, long stuck, long outagesSurvived, long outagesRun) {

    static final String STORE_ROW = "(hub)";

    static Tally scenario(String store, String scenario, long kills, long acknowledged, long found, long lost,
            long duplicated, long stuck) {
        return new Tally(store, scenario, kills, acknowledged, found, lost, duplicated, 0, stuck, 0, 0);
    }

    static Tally store(String store, long kills, long feedGaps, long outagesSurvived, long outagesRun) {
        return new Tally(store, STORE_ROW, kills, 0, 0, 0, 0, feedGaps, 0, outagesSurvived, outagesRun);
    }

    boolean storeRow() {
        return STORE_ROW.equals(scenario);
    }

    /** A scenario that acknowledged nothing proved nothing: it fails too (its load never got through). */
    boolean failed() {
        return (!storeRow() && acknowledged == 0) || lost > 0 || duplicated > 0 || feedGaps > 0 || stuck > 0 || outagesSurvived < outagesRun;
    }
}
