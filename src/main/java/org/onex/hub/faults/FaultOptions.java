package org.onex.hub.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.onex.hub.cli.CommandLines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line options of {@code faults}.
 *
 * @param mode      ci (short: {@value #CI_KILLS} kills a store, each outage once), long ({@code --kills} a store,
 *                  each outage once), soak (steady load for {@code --minutes}, heap and store size sampled) or
 *                  cluster ({@code --nodes} hub nodes on PostgreSQL, one joining late; each kill -9 hits the node
 *                  running the busy jdbc source, {@value #CLUSTER_KILLS} by default; no outages, no corpus)
 * @param kills     kill -9 per store (ci and long)
 * @param minutes   soak: duration of the load
 * @param stores    h2 and/or postgres
 * @param scenarios push, jdbc, sftp, delivery (run at the same time against one hub, so each kill lands in all)
 * @param outages   whether the outages run (on the first store only: they test the hub, not the store)
 * @param host      PostgreSQL host:port (trust authentication): the department source and the postgres store
 * @param user      PostgreSQL user allowed to create databases
 * @param seed      seed of the random kill moments and loads (printed, so that a run can be repeated)
 * @param hubHeap   -Xmx of the hub's JVM
 * @param grace     seconds the hub gets after the loads stop before what is missing counts as lost or stuck
 * @param corpus    true: the malformed-file corpus runs after the kill loops (ci and long); false: it does not;
 *                  only: the corpus alone, no kill loops or outages
 * @param nodes     hub nodes (1, or 3 by default in cluster mode)
 */
record FaultOptions(String mode, int kills, int minutes, List<String> stores, List<String> scenarios, boolean outages,
        String host, String user, long seed, String hubHeap, int grace, String corpus, int nodes) {

    static final int CI_KILLS = 10;
    static final int CLUSTER_KILLS = 4;
    static final String USAGE = "usage: faults [--mode=ci|long|soak|cluster] [--kills=N (a store; ci " + CI_KILLS
            + ", long 50, cluster " + CLUSTER_KILLS + ")] [--nodes=N (cluster: 3)]"
            + " [--minutes=60 (soak)] [--stores=h2,postgres] [--scenarios=push,jdbc,sftp,delivery] [--outages=true]"
            + " [--host=127.0.0.1:5432] [--user=postgres] [--seed=N] [--hub-heap=384m] [--grace=120]"
            + " [--corpus=true|false|only]";
    static final List<String> ALL_SCENARIOS = List.of("push", "jdbc", "sftp", "delivery");

    /** The command line of {@code faults}, with the defaults above. */
    @Command(name = "faults")
    static final class Arguments {
        @Option(names = "--mode", defaultValue = "ci") String mode;
        @Option(names = "--kills") Integer kills;
        @Option(names = "--minutes", defaultValue = "60") int minutes;
        @Option(names = "--stores") String stores;
        @Option(names = "--nodes") Integer nodes;
        @Option(names = "--scenarios", defaultValue = "push,jdbc,sftp,delivery") String scenarios;
        @Option(names = "--outages", defaultValue = "true", arity = "1") boolean outages;
        @Option(names = "--host", defaultValue = "127.0.0.1:5432") String host;
        @Option(names = "--user", defaultValue = "postgres") String user;
        @Option(names = "--seed") Long seed;
        @Option(names = "--hub-heap", defaultValue = "384m") String hubHeap;
        @Option(names = "--grace", defaultValue = "120") int grace;
        @Option(names = "--corpus", defaultValue = "true") String corpus;
    }

    static FaultOptions parse(String[] args) {
        Arguments a = new Arguments();
        try {
            CommandLines.parse(a, args, arg -> false);
        } catch (CommandLines.UsageException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        String mode = oneOf("mode", a.mode, Set.of("ci", "long", "soak", "cluster"));
        boolean cluster = "cluster".equals(mode);
        int kills = a.kills == null ? ("long".equals(mode) ? 50 : cluster ? CLUSTER_KILLS : CI_KILLS)
                : number("kills", a.kills);
        // a cluster shares its store: PostgreSQL (an H2 file belongs to one process)
        List<String> stores = list("stores", a.stores == null ? (cluster ? "postgres" : "h2,postgres") : a.stores,
                cluster ? Set.of("postgres") : Set.of("h2", "postgres"));
        int nodes = a.nodes == null ? (cluster ? 3 : 1) : number("nodes", a.nodes);
        if (cluster && nodes < 2) {
            throw new IllegalArgumentException("--mode=cluster needs --nodes of 2 or more\n" + USAGE);
        }
        List<String> scenarios = list("scenarios", a.scenarios, Set.copyOf(ALL_SCENARIOS));
        return new FaultOptions(mode, kills, number("minutes", a.minutes), stores, scenarios, a.outages && !cluster,
                a.host, a.user, a.seed == null ? System.nanoTime() % 1_000_000 : a.seed, a.hubHeap,
                number("grace", a.grace), cluster ? "false" : oneOf("corpus", a.corpus, Set.of("true", "false", "only")),
                nodes);
    }

    boolean soak() {
        return "soak".equals(mode);
    }

    boolean cluster() {
        return "cluster".equals(mode);
    }

    /** Whether the malformed-file corpus runs (never in soak mode). */
    boolean corpusRuns() {
        return !soak() && !"false".equals(corpus);
    }

    /** Only the corpus: no kill loops, no outages. */
    boolean corpusOnly() {
        return corpusRuns() && "only".equals(corpus);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** Suffix of the databases this run creates, so that runs of several worktrees do not collide. */
    static String databaseSuffix() {
        String s = System.getenv().getOrDefault("HUB_TEST_DB_SUFFIX", "");
        return s.replaceAll("[^A-Za-z0-9_]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static int number(String name, int value) {
        if (value > 0) {
            return value;
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + value + "'");
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    private static List<String> list(String name, String value, Set<String> allowed) {
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is empty");
        }
        items.forEach(i -> oneOf(name, i, allowed));
        return items;
    }
}
