package org.onex.hub.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every poll of the cluster scenario's simulated sources: which node polled which source, when its timer meant to
 * and when it did. Camel's timer runs with a fixed delay, as the hub's source routes do, so a poll is scheduled one
 * interval after the same node's previous poll of that source; the first poll after a route starts on a node has
 * no schedule to compare with (-1).
 */
final class PollLog {

    /** One poll, times in epoch milliseconds. */
    record Poll(String source, int node, long scheduled, long actual) {
    }

    /**
     * Who polled what within a window: sources polled by each node (in node order), and the sources polled by no
     * node or by more than one.
     */
    record Window(int sources, Map<Integer, Integer> spread, List<String> unpolled, List<String> multiple) {

        List<Integer> counts() {
            return List.copyOf(spread.values());
        }

        boolean exactlyOnce() {
            return unpolled.isEmpty() && multiple.isEmpty();
        }

        /** For the report: how many sources were polled by one node, by none, by more than one. */
        String pollers() {
            return String.format(Locale.ROOT, "polled by exactly one node: %d, by none: %d, by more than one: %d",
                    sources - unpolled.size() - multiple.size(), unpolled.size(), multiple.size());
        }
    }

    private final Queue<Poll> polls = new ConcurrentLinkedQueue<>();

    void add(Poll poll) {
        polls.add(poll);
    }

    /** The polls of {@code sources} in [from, to) by the given nodes. */
    Window window(List<String> sources, List<Integer> nodes, long from, long to) {
        Map<String, Set<Integer>> pollers = new HashMap<>();
        for (Poll p : polls) {
            if (p.actual >= from && p.actual < to) {
                pollers.computeIfAbsent(p.source, k -> new HashSet<>()).add(p.node);
            }
        }
        Map<Integer, Integer> spread = new LinkedHashMap<>();
        nodes.forEach(n -> spread.put(n, 0));
        List<String> unpolled = new ArrayList<>();
        List<String> multiple = new ArrayList<>();
        for (String source : sources) {
            Set<Integer> by = pollers.getOrDefault(source, Set.of());
            by.forEach(n -> spread.merge(n, 1, Integer::sum));
            if (by.isEmpty()) {
                unpolled.add(source);
            } else if (by.size() > 1) {
                multiple.add(source);
            }
        }
        return new Window(sources.size(), spread, unpolled, multiple);
    }

    /** Lateness (actual − scheduled, ms) of the polls in [from, to) that had a schedule, sorted. */
    double[] lateness(long from, long to) {
        double[] out = polls.stream().filter(p -> p.scheduled >= 0 && p.actual >= from && p.actual < to)
                .mapToDouble(p -> p.actual - p.scheduled).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Source → its first poll at or after {@code from} by a node other than {@code excluded}. */
    Map<String, Long> firstPolls(long from, int excluded) {
        Map<String, Long> first = new HashMap<>();
        for (Poll p : polls) {
            if (p.actual >= from && p.node != excluded) {
                first.merge(p.source, p.actual, Math::min);
            }
        }
        return first;
    }

    /** The log as CSV: source, node, scheduled, actual (epoch ms; scheduled empty when unknown). */
    void write(Path csv) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("source,node,scheduled_ms,actual_ms\n");
            for (Poll p : polls) {
                out.write(p.source + "," + p.node + "," + (p.scheduled < 0 ? "" : p.scheduled) + "," + p.actual + "\n");
            }
        }
    }
}
