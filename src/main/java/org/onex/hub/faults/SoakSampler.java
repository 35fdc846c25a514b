package org.onex.hub.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Soak mode: the hub runs under the steady loads, unkilled, for the given minutes; every minute the hub's live heap
 * (a full collection, then {@code jcmd GC.heap_info}), the store's size and the rows acknowledged so far are
 * sampled and, at the end, printed as a table. A heap that keeps growing under a steady load is a leak.
 */
final class SoakSampler {

    private final FaultRun run;
    private final FaultReport report;

    SoakSampler(FaultRun run, FaultReport report) {
        this.run = run;
        this.report = report;
    }

    void run(int minutes) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%6s %14s %15s %s", "minute", "live heap MiB", "store MiB",
                "acknowledged so far (" + String.join(", ", run.loads().keySet()) + ")"));
        rows.add(sample(0));
        for (int m = 1; m <= minutes; m++) {
            Thread.sleep(60_000);
            String row = sample(m);
            rows.add(row);
            System.out.println("faults: soak " + run.store().kind() + " " + row.trim());
        }
        report.note("%s soak, %d minutes (heap after a full GC; store %s):", run.store().kind(), minutes,
                run.store().postgres() ? "pg_database_size" : "H2 file size");
        rows.forEach(r -> report.note("  %s", r));
    }

    private String sample(int minute) {
        StringBuilder acked = new StringBuilder();
        run.loads().values().forEach(l -> acked.append(acked.isEmpty() ? "" : ", ").append(l.acknowledged().size()));
        return String.format(Locale.ROOT, "%6d %14d %15.1f %s", minute, run.hub().liveHeapMib(), run.store().sizeMib(),
                acked);
    }
}
