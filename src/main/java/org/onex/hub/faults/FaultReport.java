package org.onex.hub.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printed result: notes as they came, then one table row per scenario and store, a row per store for the hub
 * as a whole (kills, feed gaps, outages), and the total (kills counted once per store run).
 */
final class FaultReport {

    private static final String FORMAT = "%-9s %-9s %6s %13s %10s %6s %11s %10s %7s %9s%n";

    private final List<String> notes = new ArrayList<>();
    private final List<Tally> rows = new ArrayList<>();

    void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        notes.add(line);
        System.out.println("faults: " + line);
        System.out.flush();
    }

    /** Adds a row and prints it at once, so that a long run shows each store's figures as it finishes. */
    void add(Tally t) {
        rows.add(t);
        System.out.println("faults: " + String.format(Locale.ROOT, FORMAT, t.store(), t.scenario(), t.kills(),
                t.acknowledged(), t.found(), t.lost(), t.duplicated(), t.feedGaps(), t.stuck(),
                t.outagesSurvived() + "/" + t.outagesRun()).trim());
        System.out.flush();
    }

    /** Prints the table; returns true when anything was lost, duplicated, missing from the feed, stuck or not survived. */
    boolean print(String title) {
        System.out.println();
        System.out.println("=== fault suite: " + title + " ===");
        notes.forEach(n -> System.out.println("  " + n));
        System.out.printf(Locale.ROOT, FORMAT, "store", "scenario", "kills", "acknowledged", "found", "lost",
                "duplicated", "feed gaps", "stuck", "outages");
        long[] sum = new long[9];
        for (Tally t : rows) {
            if (t.storeRow()) {
                System.out.printf(Locale.ROOT, FORMAT, t.store(), t.scenario(), t.kills(), "-", "-", "-", "-",
                        t.feedGaps(), "-", t.outagesSurvived() + "/" + t.outagesRun());
                sum[0] += t.kills();
            } else {
                System.out.printf(Locale.ROOT, FORMAT, t.store(), t.scenario(), t.kills(), t.acknowledged(), t.found(),
                        t.lost(), t.duplicated(), "-", t.stuck(), "-");
            }
            long[] add = { 0, t.acknowledged(), t.found(), t.lost(), t.duplicated(), t.feedGaps(), t.stuck(),
                t.outagesSurvived(), t.outagesRun() };
            for (int i = 1; i < sum.length; i++) {
                sum[i] += add[i];
            }
        }
        System.out.printf(Locale.ROOT, FORMAT, "total", "", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6],
                sum[7] + "/" + sum[8]);
        boolean failed = rows.isEmpty() || rows.stream().anyMatch(Tally::failed);
        System.out.println(failed ? "RESULT: FAILED (a loss, duplicate, feed gap, stuck delivery, outage not survived,"
                + " scenario that got nothing acknowledged or corpus file with another outcome than expected)"
                : "RESULT: passed (every scenario acknowledged rows; 0 lost, 0 duplicated, 0 feed gaps, 0 stuck, every outage survived)");
        return failed;
    }
}
