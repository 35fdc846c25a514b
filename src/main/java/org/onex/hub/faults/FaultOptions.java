package org.onex.hub.faults;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@code faults}.
 *
 * @param mode      ci (short: {@value #CI_KILLS} kills a store, each outage once), long ({@code --kills} a store,
 *                  each outage once) or soak (steady load for {@code --minutes}, heap and store size sampled)
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
 */
record FaultOptions(String mode, int kills, int minutes, List<String> stores, List<String> scenarios, boolean outages,
        String host, String user, long seed, String hubHeap, int grace, String corpus) {

    static final int CI_KILLS = 10;
    static final String USAGE = "usage: faults [--mode=ci|long|soak] [--kills=N (a store; ci " + CI_KILLS + ", long 50)]"
            + " [--minutes=60 (soak)] [--stores=h2,postgres] [--scenarios=push,jdbc,sftp,delivery] [--outages=true]"
            + " [--host=127.0.0.1:5432] [--user=postgres] [--seed=N] [--hub-heap=384m] [--grace=120]"
            + " [--corpus=true|false|only]";
    static final List<String> ALL_SCENARIOS = List.of("push", "jdbc", "sftp", "delivery");

    static FaultOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("mode", "ci");
        v.put("kills", "");
        v.put("minutes", "60");
        v.put("stores", "h2,postgres");
        v.put("scenarios", String.join(",", ALL_SCENARIOS));
        v.put("outages", "true");
        v.put("host", "127.0.0.1:5432");
        v.put("user", "postgres");
        v.put("seed", Long.toString(System.nanoTime() % 1_000_000));
        v.put("hub-heap", "384m");
        v.put("grace", "120");
        v.put("corpus", "true");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? "" : arg.substring(2, eq);
            if (!arg.startsWith("--") || eq < 0 || !v.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            v.put(name, arg.substring(eq + 1));
        }
        String mode = oneOf("mode", v.get("mode"), Set.of("ci", "long", "soak"));
        String k = v.get("kills");
        int kills = k.isEmpty() ? ("long".equals(mode) ? 50 : CI_KILLS) : number("kills", k);
        List<String> stores = list("stores", v.get("stores"), Set.of("h2", "postgres"));
        List<String> scenarios = list("scenarios", v.get("scenarios"), Set.copyOf(ALL_SCENARIOS));
        return new FaultOptions(mode, kills, number("minutes", v.get("minutes")), stores, scenarios,
                Boolean.parseBoolean(v.get("outages")), v.get("host"), v.get("user"), Long.parseLong(v.get("seed")),
                v.get("hub-heap"), number("grace", v.get("grace")),
                oneOf("corpus", v.get("corpus"), Set.of("true", "false", "only")));
    }

    boolean soak() {
        return "soak".equals(mode);
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

    private static int number(String name, String value) {
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
