package org.onex.hub.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.onex.hub.cli.HubCommand;

/**
 * {@code java -jar onex-hub.jar faults} (bin/faults): the fault suite. For each store
 * ({@code --stores}, default h2 then postgres) it starts the hub in a child JVM with the scenarios' department
 * edges (push, jdbc, sftp, delivery; they run at the same time, so every kill lands in all four), kills it with
 * SIGKILL {@code --kills} times at random moments and restarts it on the same store; on the first store it then
 * runs each outage once (department database, SFTP server, receiving inbox, broker); the loads stop, the hub gets
 * {@code --grace} seconds, and the store is read back. Modes: ci (10 kills a store: 20 in all), long
 * ({@code --kills}, default 50 a store), soak ({@code --minutes} of load without kills, heap and store size sampled
 * every minute), cluster ({@code --nodes} hubs on PostgreSQL in one Hazelcast cluster: one joins late, kill -9
 * hits the node running the busy jdbc source, each source must keep exactly one poller: {@link ClusterChecks}).
 * In ci and long mode the malformed-file corpus runs last on a fresh hub ({@link CorpusRun};
 * {@code --corpus=false} skips it, {@code --corpus=only} runs nothing else). Prints the figures; exit code 0 when
 * nothing was lost, duplicated, missing from the feed or stuck, every outage was survived and every corpus file got
 * its expected outcome, 1 otherwise, 2 when the suite could not run.
 */
public final class FaultsCommand implements HubCommand {

    /** The malformed-file corpus, run after the kill loops in ci and long mode ({@code --corpus}). */
    static final CorpusScenario CORPUS = new CorpusRun();

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public FaultsCommand() {
    }

    @Override
    public String name() {
        return "faults";
    }

    @Override
    public String summary() {
        return "run the fault suite (kill -9 loops, outages, malformed files, soak)";
    }

    @Override
    public int execute(String[] args) {
        return run(args);
    }

    public static int run(String[] args) {
        FaultOptions options;
        try {
            options = FaultOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            return execute(options) ? 1 : 0;
        } catch (Exception e) {
            System.err.println("faults failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    /** Returns true when the suite found a fault. */
    private static boolean execute(FaultOptions options) throws Exception {
        FaultReport report = new FaultReport();
        long begin = System.nanoTime();
        report.note("mode %s, seed %d, stores %s, scenarios %s, corpus %s, %d CPUs, Java %s", options.mode(),
                options.seed(), options.stores(), options.scenarios(), options.corpus(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path root = Files.createTempDirectory("hub-faults");
        try {
            boolean outagesDone = !options.outages() || options.soak();
            for (String kind : options.corpusOnly() ? List.<String>of() : options.stores()) {
                try (FaultRun run = new FaultRun(options, kind, root.resolve(kind), report)) {
                    run.start();
                    Outages outages = null;
                    if (options.soak()) {
                        run.soak(options.minutes());
                    } else {
                        run.kills(options.kills());
                        if (!outagesDone) {
                            outages = run.outages();
                            outagesDone = true;
                        }
                    }
                    run.finish();
                    report.note("%s: hub start to ready %s ms (median %d ms)", kind, run.startMillis(),
                            median(run.startMillis()));
                    FaultTallies.add(run, outages, report);
                    if (options.soak() && !run.store().postgres()) {
                        double file = run.store().sizeMib();
                        double live = run.store().compactedMib();
                        report.note("%s: after the soak the file is %.1f MiB; SHUTDOWN COMPACT leaves %.1f MiB of live"
                                + " data (the file is %.1f times its data)", kind, file, live, live > 0 ? file / live : 0);
                    }
                }
            }
            if (options.corpusRuns()) {
                CORPUS.run(options, root.resolve("corpus"), report);
            }
            report.note("took %.1f min", (System.nanoTime() - begin) / 60e9);
            return report.print(title(options));
        } finally {
            deleteTree(root);
        }
    }

    private static String title(FaultOptions options) {
        if (options.corpusOnly()) {
            return "malformed-file corpus only, on " + options.stores().get(0);
        }
        if (options.cluster()) {
            return "cluster of " + options.nodes() + " hub nodes on " + options.stores() + ", " + options.kills()
                    + " kill -9 of the node running the busy source";
        }
        return options.soak() ? "soak " + options.minutes() + " min on " + options.stores()
                : options.mode() + ", " + options.kills() + " kill -9 a store on " + options.stores()
                        + (options.outages() ? ", outages on " + options.stores().get(0) : "")
                        + (options.corpusRuns() ? ", malformed-file corpus on " + options.stores().get(0) : "");
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("faults: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
