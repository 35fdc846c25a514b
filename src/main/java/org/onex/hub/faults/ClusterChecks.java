package org.onex.hub.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a cluster run checks beside the loads' figures (issue 16 item 5): a node that joins takes over some routes
 * and every route keeps exactly one runner; kill -9 of the live broker of the pair lets the backup carry the feed
 * on; kill -9 of the node running the busy jdbc source (then of the one running the delivery dispatcher, in turn)
 * moves the route to another node within {@link #TAKEOVER_LIMIT}, and the killed node comes back; in steady state
 * each one-node route is polled by one node only (its exchange counters, read from every node, grow on one); in
 * the end the durable subscriber on the broker pair has every version of the busy source once, and a key revoked in
 * the store is refused by every node at once. Each check passed counts as
 * a disruption survived in the store's row; the loads' rows say whether anything was lost or duplicated meanwhile.
 */
final class ClusterChecks {

    /** failure-timeout 5 s + ownership check 1 s + a poll interval, with room for a busy 2-core machine. */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final FaultRun run;
    private final ClusterNodes nodes;
    private final FaultReport report;
    private final Random random;
    private final List<Long> takeovers = new ArrayList<>();
    private int passed;
    private int ran;

    ClusterChecks(FaultRun run, ClusterNodes nodes, FaultReport report, Random random) {
        this.run = run;
        this.nodes = nodes;
        this.report = report;
        this.random = random;
    }

    /** The last node starts while the others work: routes move to it, and none has two runners. */
    void join() throws Exception {
        int last = nodes.size() - 1;
        Map<String, Integer> before = nodes.placement();
        long begin = System.nanoTime();
        nodes.start(last, START_TIMEOUT);
        long ready = System.nanoTime();
        boolean moved = await(Duration.ofSeconds(60), () -> {
            Map<String, Integer> now = nodes.placement();
            return now.containsValue(last) && !now.containsValue(-1) && now.keySet().equals(before.keySet());
        });
        Map<String, Integer> after = nodes.placement();
        report.note("%s cluster: node %d joined (ready in %d ms); %s %.1f s after it was ready; routes per node"
                + " before %s, after %s", kind(), last + 1, (ready - begin) / 1_000_000,
                moved ? "routes rebalanced, each on one node," : "routes did NOT rebalance onto it",
                (System.nanoTime() - ready) / 1e9, perNode(before), perNode(after));
        count(moved);
    }

    /**
     * kill -9 at random moments of the node running each route of {@code routes} in turn; another node must take
     * the route over, and the killed node is started again.
     */
    void kills(int n, List<String> routes) throws Exception {
        for (int i = 0; i < n; i++) {
            String routeId = routes.get(i % routes.size());
            Thread.sleep(1500 + random.nextInt(3500));
            List<Integer> runners = List.of();
            long deadline = System.nanoTime() + TAKEOVER_LIMIT.toNanos();
            while (System.nanoTime() < deadline && (runners = nodes.runners(routeId)).size() != 1) {
                Thread.sleep(200);
            }
            if (runners.size() != 1) {
                report.note("%s cluster: before kill %d, %s had %d runners %s", kind(), i + 1, routeId, runners.size(),
                        runners);
                count(false);
                continue;
            }
            int victim = runners.get(0);
            long killed = System.nanoTime();
            nodes.kill(victim);
            run.countKill();
            boolean taken = await(TAKEOVER_LIMIT, () -> nodes.runners(routeId).size() == 1);
            long millis = (System.nanoTime() - killed) / 1_000_000;
            List<Integer> now = nodes.runners(routeId);
            if (taken) {
                takeovers.add(millis);
            }
            report.note("%s cluster: kill -9 of node %d, which ran %s: %s", kind(), victim + 1, routeId, taken
                    ? "node " + (now.get(0) + 1) + " runs it " + millis + " ms later"
                    : "NOT taken over within " + TAKEOVER_LIMIT.toSeconds() + " s (runners " + now + ")");
            count(taken);
            nodes.start(victim, START_TIMEOUT);
            run.startMillis().add(nodes.node(victim).lastStartMillis());
        }
        report.note("%s cluster: takeover after kill -9 %s ms (limit %d s; routes %s in turn)", kind(), takeovers,
                TAKEOVER_LIMIT.toSeconds(), routes);
    }

    /**
     * kill -9 of the live (primary) broker while the nodes publish: the backup must become live and the feed go on
     * (the bureau's durable subscriber receives again).
     */
    void brokerKill(BrokerChild primary, BrokerChild backup, BrokerConsumer consumer) throws Exception {
        Thread.sleep(2000 + random.nextInt(3000));
        int before = consumer.received().size();
        long killed = System.nanoTime();
        primary.kill();
        boolean live = await(Duration.ofSeconds(60), () -> backup.logged(BrokerChild.BACKUP_LIVE));
        long liveMs = (System.nanoTime() - killed) / 1_000_000;
        int atLive = consumer.received().size();
        boolean flowing = live && await(Duration.ofSeconds(60), () -> consumer.received().size() > atLive);
        report.note("%s cluster: kill -9 of the live broker after the subscriber had %d versions: %s", kind(), before,
                !live ? "the backup did NOT become live within 60 s"
                        : String.format("backup live %d ms later, the feed reached the subscriber again %s", liveMs,
                                flowing ? (System.nanoTime() - killed) / 1_000_000 + " ms after the kill"
                                        : "NOT within 60 s"));
        count(live && flowing);
    }

    /** Every version of {@code positions} reached the durable subscriber on the broker pair, none twice. */
    void brokerFeed(BrokerConsumer consumer, java.util.Set<Long> positions) throws Exception {
        await(Duration.ofSeconds(60), () -> consumer.received().containsAll(positions));
        java.util.Set<Long> missing = new java.util.TreeSet<>(positions);
        missing.removeAll(consumer.received());
        report.note("%s cluster: the Artemis feed through the broker pair: %d versions of scjgj on the REST feed,"
                + " %d received by the durable subscriber, %d missing%s, %d duplicated (%d reconnects)", kind(),
                positions.size(), consumer.received().size(), missing.size(),
                missing.isEmpty() ? "" : " (the first " + missing.iterator().next() + ")", consumer.duplicates(),
                consumer.reconnects());
        count(missing.isEmpty() && consumer.duplicates() == 0 && !positions.isEmpty());
    }

    /**
     * A key revoked in the store is refused by every node at its next request (keys are never cached): a bureau
     * client reads on each node, an admin revokes it, and each node must answer 401.
     */
    void revocation() throws Exception {
        String key = run.addClient("faults-revoked");
        List<Integer> before = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            before.add(status(i, key));
        }
        long revoked = System.nanoTime();
        run.revokeClient("faults-revoked");
        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            after.add(status(i, key));
        }
        long millis = (System.nanoTime() - revoked) / 1_000_000;
        boolean ok = before.stream().allMatch(c -> c == 200) && after.stream().allMatch(c -> c == 401);
        report.note("%s cluster: a bureau key read on the %d nodes (%s), was revoked in the store, and was refused by"
                + " each at its next request (%s, all within %d ms of the revocation)%s", kind(), nodes.size(), before,
                after, millis, ok ? "" : ": NOT as expected");
        count(ok);
    }

    private int status(int node, String key) throws Exception {
        java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + nodes.node(node).port() + "/api/v1/records?limit=1"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    /** Over {@code window}, each one-node route is run by one node: its polls grow on no other. */
    void steadyState(Duration window) throws Exception {
        await(Duration.ofSeconds(60), () -> !nodes.placement().containsValue(-1));
        Map<String, Integer> placement = nodes.placement();
        double[][] before = polls(placement);
        Thread.sleep(window.toMillis());
        double[][] after = polls(placement);
        List<String> twice = new ArrayList<>();
        List<String> routes = List.copyOf(placement.keySet());
        long polled = 0;
        for (int r = 0; r < routes.size(); r++) {
            int pollers = 0;
            for (int i = 0; i < nodes.size(); i++) {
                if (after[r][i] > before[r][i]) {
                    pollers++;
                }
            }
            polled += pollers > 0 ? 1 : 0;
            if (pollers > 1 || placement.get(routes.get(r)) < 0) {
                twice.add(routes.get(r));
            }
        }
        report.note("%s cluster: steady state over %d s: %d one-node routes on %s, %d of them ran in the window,"
                + " %s", kind(), window.toSeconds(), routes.size(), perNode(placement), polled,
                twice.isEmpty() ? "each on exactly one node" : "run by several nodes or none: " + twice);
        count(twice.isEmpty());
    }

    private double[][] polls(Map<String, Integer> placement) {
        List<String> routes = List.copyOf(placement.keySet());
        double[][] out = new double[routes.size()][nodes.size()];
        for (int r = 0; r < routes.size(); r++) {
            for (int i = 0; i < nodes.size(); i++) {
                out[r][i] = nodes.exchanges(i, routes.get(r));
            }
        }
        return out;
    }

    /** Node (1-based) → routes it runs. */
    private String perNode(Map<String, Integer> placement) {
        int[] counts = new int[nodes.size()];
        int none = 0;
        for (int i : placement.values()) {
            if (i >= 0) {
                counts[i]++;
            } else {
                none++;
            }
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < counts.length; i++) {
            s.append(i == 0 ? "" : ", ").append("node ").append(i + 1).append(": ")
                    .append(nodes.isUp(i) ? String.valueOf(counts[i]) : "down");
        }
        return s.append(none > 0 ? ", unplaced: " + none : "").append(']').toString();
    }

    private void count(boolean ok) {
        ran++;
        if (ok) {
            passed++;
        }
    }

    int passed() {
        return passed;
    }

    int ran() {
        return ran;
    }

    private String kind() {
        return run.store().kind();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static boolean await(Duration limit, Condition c) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (c.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return c.holds();
    }
}
