package org.onex.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One poller per source (issue 16 item 2), with real Hazelcast members and real Camel contexts in one JVM: each
 * one-node route runs on exactly one member, the routes are spread over the members, they move to the survivors
 * when a member dies (terminate: no goodbye, as kill -9) and rebalance when one joins; unmarked routes run on every
 * member. The process-level test with whole hub nodes is in the fault suite (bin/faults --mode=cluster).
 */
class RouteOwnershipTest {

    private static final int ROUTES = 24;

    private final List<Node> nodes = new ArrayList<>();
    /** route id → polls seen, across all nodes. */
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    record Node(HazelcastInstance hazelcast, CamelContext camel, RouteOwnership ownership) {
    }

    @AfterEach
    void stop() {
        for (Node n : nodes) {
            n.camel.stop();
            n.ownership.destroy();
            if (n.hazelcast.getLifecycleService().isRunning()) {
                n.hazelcast.getLifecycleService().terminate();
            }
        }
    }

    @Test
    void eachRouteRunsOnOneMemberSpreadAcrossThemAndMovesWhenAMemberDiesOrJoins() throws Exception {
        List<Integer> ports = freePorts(3);
        List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        Node a = start(members, ports.get(0));
        Node b = start(members, ports.get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.hazelcast.getCluster().getMembers().size() == 2);

        // until the partitions have migrated to the second member (before that, the first runs every route once)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(a.hazelcast.getPartitionService().isClusterSafe()).as("partitions migrated").isTrue();
            assertEachRunsOnce(List.of(a, b));
            Map<Node, Integer> now = running(List.of(a, b));
            assertThat(now.get(a)).as("routes on the first node").isBetween(1, ROUTES - 1);
            assertThat(now.get(b)).as("routes on the second node").isBetween(1, ROUTES - 1);
        });
        Map<Node, Integer> spread = running(List.of(a, b));
        // the route on every node (not marked) runs on both
        assertThat(a.camel.getRouteController().getRouteStatus("everywhere")).isEqualTo(ServiceStatus.Started);
        assertThat(b.camel.getRouteController().getRouteStatus("everywhere")).isEqualTo(ServiceStatus.Started);
        // the owner each node reports is the node that runs the route
        for (int i = 0; i < ROUTES; i++) {
            String id = "source-" + i;
            Node runner = a.camel.getRouteController().getRouteStatus(id).isStarted() ? a : b;
            assertThat(a.ownership.ownerAddress(id)).contains(runner.ownership.localAddress());
            assertThat(b.ownership.ownerAddress(id)).contains(runner.ownership.localAddress());
        }

        Node c = start(members, ports.get(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(c.hazelcast.getPartitionService().isClusterSafe()).as("partitions migrated").isTrue();
            assertEachRunsOnce(List.of(a, b, c));
            assertThat(running(List.of(c)).get(c)).as("routes moved to the node that joined").isPositive();
        });

        List<Integer> onThree = List.copyOf(running(List.of(a, b, c)).values());
        long killed = System.nanoTime();
        a.hazelcast.getLifecycleService().terminate(); // no goodbye to the others
        a.camel.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(b.hazelcast.getCluster().getMembers()).hasSize(2);
            assertEachRunsOnce(List.of(b, c));
        });
        System.out.printf("cluster: %d routes on 2 members %s, on 3 %s, on the 2 survivors %s %d ms after a member"
                + " died%n", ROUTES, List.of(spread.get(a), spread.get(b)), onThree, running(List.of(b, c)).values(),
                (System.nanoTime() - killed) / 1_000_000);
        // every source keeps being polled after the move
        Map<String, Integer> before = new HashMap<>();
        polls.forEach((id, n) -> before.put(id, n.get()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < ROUTES; i++) {
                assertThat(polls.get("source-" + i).get()).as("source-" + i + " polled again")
                        .isGreaterThan(before.getOrDefault("source-" + i, 0));
            }
        });
    }

    private void assertEachRunsOnce(List<Node> live) {
        for (int i = 0; i < ROUTES; i++) {
            String id = "source-" + i;
            long runners = live.stream().filter(n -> n.camel.getRouteController().getRouteStatus(id).isStarted()).count();
            assertThat(runners).as(id + " runs on exactly one node").isEqualTo(1);
        }
    }

    private static Map<Node, Integer> running(List<Node> live) {
        Map<Node, Integer> out = new HashMap<>();
        for (Node n : live) {
            int count = 0;
            for (int i = 0; i < ROUTES; i++) {
                if (n.camel.getRouteController().getRouteStatus("source-" + i).isStarted()) {
                    count++;
                }
            }
            out.put(n, count);
        }
        return out;
    }

    private Node start(List<String> members, int port) throws Exception {
        ClusterProperties properties = new ClusterProperties("route-ownership-test", members, "127.0.0.1", null, port,
                Duration.ofSeconds(3), Duration.ofMillis(500));
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(new ClusterConfiguration().hazelcastConfig(properties));
        RouteOwnership ownership = new RouteOwnership(hazelcast, properties, new SimpleMeterRegistry());
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(new ClusterRoutePolicyFactory(ownership));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ROUTES; i++) {
                    String id = "source-" + i;
                    ClusterRoutes.oneNode(from("timer:" + id + "?period=100").routeId(id))
                            .process(e -> polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
                }
                from("timer:everywhere?period=1000").routeId("everywhere").log("tick");
            }
        });
        camel.start();
        Node node = new Node(hazelcast, camel, ownership);
        nodes.add(node);
        return node;
    }

    private static List<Integer> freePorts(int n) throws Exception {
        List<Integer> out = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ServerSocket s = new ServerSocket(0);
            held.add(s);
            out.add(s.getLocalPort());
        }
        for (ServerSocket s : held) {
            s.close();
        }
        return out;
    }
}
