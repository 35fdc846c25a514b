package org.onex.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.onex.hub.cluster.ClusterProperties;

/**
 * The cluster scenario (issue 16 item 7): N hub nodes' Hazelcast members in this JVM, each with the hub's member
 * configuration on its own loopback port and the list of all, each running one timer route per simulated
 * department source under the hub's own route ownership ({@link SimulatedNode}). It measures how the sources
 * spread over the nodes, whether each is polled by exactly one node in steady state, how late the polls run, and,
 * after one member is terminated (no goodbye, as kill -9), how long until every source it polled is polled by a
 * survivor, and the spread after that.
 */
final class ClusterScenario {

    /** How long the members may take to join, the routes to settle and a dead node's sources to move. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** A run's figures; times in milliseconds, {@code takeover} -1 when the survivors did not take over in time. */
    record Result(PollLog.Window steady, double[] lateness, int orphans, long noticed, long takeover,
            PollLog.Window after) {

        /** Steady state had every source on exactly one node, and a dead node's sources moved. */
        boolean ok() {
            return steady.exactlyOnce() && takeover >= 0;
        }
    }

    private final BenchOptions options;
    private final BenchReport report;
    private final PollLog log = new PollLog();

    ClusterScenario(BenchOptions options, BenchReport report) {
        this.options = options;
        this.report = report;
    }

    /** The source route ids: {@code jdbc-c<county>-u<unit>}, 15 units a county, as a province would name them. */
    static List<String> sources(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("jdbc-c%03d-u%02d", i / 15 + 1, i % 15 + 1));
        }
        return ids;
    }

    Result run() throws Exception {
        List<String> sources = sources(options.sources());
        Duration interval = options.pollInterval();
        List<String> members = new ArrayList<>();
        List<Integer> ports = freePorts(options.nodes());
        ports.forEach(p -> members.add("127.0.0.1:" + p));
        List<SimulatedNode> nodes = new ArrayList<>();
        try {
            long begin = System.nanoTime();
            ClusterProperties properties = null;
            for (int i = 0; i < options.nodes(); i++) {
                properties = new ClusterProperties("hub-bench-cluster", members, "127.0.0.1", null, ports.get(i),
                        null, null);
                nodes.add(new SimulatedNode(i + 1, properties));
            }
            require(until(() -> nodes.stream().allMatch(n -> n.hazelcast().getCluster().getMembers().size()
                    == nodes.size() && n.hazelcast().getPartitionService().isClusterSafe())), "the members to join");
            progress("%d members joined in %.1f s", nodes.size(), (System.nanoTime() - begin) / 1e9);
            begin = System.nanoTime();
            for (SimulatedNode n : nodes) {
                n.startRoutes(sources, interval, log);
            }
            require(until(() -> eachRunsOnce(nodes, sources)), "every source to run on one node");
            progress("%d source routes created on each node; every one runs on exactly one node %.1f s later",
                    sources.size(), (System.nanoTime() - begin) / 1e9);
            Thread.sleep(2 * interval.toMillis()); // every route has polled once, so each poll has a schedule
            line("cluster: %d nodes (the hub's Hazelcast member config on 127.0.0.1, failure timeout %ds, check"
                    + " period %ds), %d sources polled every %s", nodes.size(), properties.failureTimeout().toSeconds(),
                    properties.checkPeriod().toSeconds(), sources.size(), BenchReport.duration(interval));
            long from = System.currentTimeMillis();
            Thread.sleep(options.seconds() * 1000L);
            long to = System.currentTimeMillis();
            PollLog.Window steady = log.window(sources, numbers(nodes), from, to);
            double[] late = log.lateness(from, to);
            line("steady state over %d s: sources per node %s (sum %d, %d nodes × %.1f on average), Hazelcast"
                    + " partitions per node %s", options.seconds(), steady.counts(), steady.counts().stream()
                    .mapToInt(i -> i).sum(), nodes.size(), sources.size() / (double) nodes.size(), partitions(nodes));
            line("  %s", steady.pollers());
            line("  poll lateness over %d polls: p50 %.0f ms, p99 %.0f ms, max %.0f ms (actual − (the node's previous"
                    + " poll + %s))", late.length, BenchReport.percentile(late, 50), BenchReport.percentile(late, 99),
                    late.length == 0 ? Double.NaN : late[late.length - 1], BenchReport.duration(interval));
            Result result = kill(nodes, sources, steady, late);
            if (options.pollLog() != null) {
                log.write(options.pollLog());
                progress("poll log written to %s", options.pollLog());
            }
            return result;
        } finally {
            nodes.forEach(SimulatedNode::close);
        }
    }

    /** Terminates the first node (the oldest member) and follows its sources to the survivors. */
    private Result kill(List<SimulatedNode> nodes, List<String> sources, PollLog.Window steady, double[] late)
            throws InterruptedException {
        SimulatedNode victim = nodes.get(0);
        List<SimulatedNode> survivors = nodes.subList(1, nodes.size());
        List<String> orphans = sources.stream().filter(victim::runs).toList();
        long killed = System.currentTimeMillis();
        victim.kill();
        boolean left = until(() -> survivors.stream().allMatch(n -> n.hazelcast().getCluster().getMembers().size()
                == survivors.size()));
        long noticed = left ? System.currentTimeMillis() - killed : -1;
        boolean moved = until(() -> log.firstPolls(killed, victim.number()).size() == sources.size());
        long takeover = -1;
        if (moved) {
            Map<String, Long> first = log.firstPolls(killed, victim.number());
            takeover = orphans.stream().mapToLong(s -> first.get(s) - killed).max().orElse(0);
        }
        line("killed node %d (Hazelcast terminate: no goodbye) while it polled %d sources: the survivors saw it"
                + " leave after %s, all of them were polled by survivors %s after the kill", victim.number(),
                orphans.size(), left ? noticed + " ms" : "NOT within " + TIMEOUT.toSeconds() + " s",
                moved ? takeover + " ms" : "NOT within " + TIMEOUT.toSeconds() + " s");
        // after the promotion Hazelcast may still move partitions between survivors to even them out
        until(() -> survivors.stream().allMatch(n -> n.hazelcast().getPartitionService().isClusterSafe()));
        long settle = Math.max(1000, 3 * options.pollInterval().toMillis());
        long from = System.currentTimeMillis();
        Thread.sleep(settle);
        PollLog.Window after = log.window(sources, numbers(survivors), from, System.currentTimeMillis());
        line("  then over %.0f s: sources per surviving node %s; %s", settle / 1000.0, after.counts(),
                after.pollers());
        return new Result(steady, late, orphans.size(), noticed, takeover, after);
    }

    private static boolean eachRunsOnce(List<SimulatedNode> nodes, List<String> sources) {
        for (String source : sources) {
            if (nodes.stream().filter(n -> n.runs(source)).count() != 1) {
                return false;
            }
        }
        return true;
    }

    /** How many of Hazelcast's partitions each node owns, as the first node's partition table says. */
    private static List<Long> partitions(List<SimulatedNode> nodes) {
        Map<UUID, Long> owned = nodes.get(0).hazelcast().getPartitionService().getPartitions().stream()
                .filter(p -> p.getOwner() != null)
                .collect(Collectors.groupingBy(p -> p.getOwner().getUuid(), Collectors.counting()));
        return nodes.stream().map(n -> owned.getOrDefault(n.hazelcast().getCluster().getLocalMember().getUuid(), 0L))
                .toList();
    }

    private static List<Integer> numbers(List<SimulatedNode> nodes) {
        return nodes.stream().map(SimulatedNode::number).toList();
    }

    /** Waits for the condition, checking every 20 ms; false after {@link #TIMEOUT}. */
    private static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void require(boolean done, String what) {
        if (!done) {
            throw new IllegalStateException("waited " + TIMEOUT.toSeconds() + " s for " + what);
        }
    }

    /** Loopback ports free at the moment, one a member. */
    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }

    private static void progress(String format, Object... args) {
        BenchReport.progress(format, args);
    }
}
