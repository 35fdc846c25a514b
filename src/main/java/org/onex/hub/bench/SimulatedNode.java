package org.onex.hub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.RoutePolicySupport;
import org.onex.hub.cluster.ClusterConfiguration;
import org.onex.hub.cluster.ClusterProperties;
import org.onex.hub.cluster.ClusterRoutePolicyFactory;
import org.onex.hub.cluster.ClusterRoutes;
import org.onex.hub.cluster.RouteOwnership;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One hub node of the cluster scenario, reduced to what decides who polls: a Hazelcast member made from the hub's
 * own {@link ClusterConfiguration#hazelcastConfig}, the hub's {@link RouteOwnership} and
 * {@link ClusterRoutePolicyFactory}, and a Camel context with one timer route per simulated source, marked
 * {@link ClusterRoutes#oneNode one-node} and built as {@code PullSourceRoute} builds a department's
 * ({@code timer:<id>?period=…&delay=…}). A poll records itself in the {@link PollLog} and does nothing else.
 */
final class SimulatedNode implements AutoCloseable {

    private final int number;
    private final HazelcastInstance hazelcast;
    private final RouteOwnership ownership;
    private final CamelContext camel = new DefaultCamelContext();
    /** Source → this node's previous poll of it (epoch ms), forgotten when the route (re)starts here. */
    private final Map<String, Long> lastPoll = new ConcurrentHashMap<>();
    private volatile boolean alive = true;

    /** Starts the Hazelcast member; it joins the members of {@code properties}. */
    SimulatedNode(int number, ClusterProperties properties) {
        this.number = number;
        this.hazelcast = Hazelcast.newHazelcastInstance(new ClusterConfiguration().hazelcastConfig(properties));
        this.ownership = new RouteOwnership(hazelcast, properties, new SimpleMeterRegistry());
    }

    int number() {
        return number;
    }

    HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Creates the source routes and starts the Camel context: each route starts only where it is owned. */
    void startRoutes(List<String> sources, Duration interval, PollLog polls) throws Exception {
        long period = interval.toMillis();
        RoutePolicySupport restarted = new RoutePolicySupport() {
            @Override
            public void onStart(Route route) {
                lastPoll.remove(route.getId());
            }
        };
        camel.addRoutePolicyFactory(new ClusterRoutePolicyFactory(ownership));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String id : sources) {
                    ClusterRoutes.oneNode(from("timer:" + id + "?period=" + period + "&delay=" + period).routeId(id))
                            .routePolicy(restarted).process(e -> poll(id, period, polls));
                }
            }
        });
        camel.start();
    }

    private void poll(String source, long period, PollLog log) {
        if (!alive) {
            return; // killed: a dead process polls nothing, whatever its timers still do
        }
        long now = System.currentTimeMillis();
        Long previous = lastPoll.put(source, now);
        log.add(new PollLog.Poll(source, number, previous == null ? -1 : previous + period, now));
    }

    /** Whether this node's route of the source is started. */
    boolean runs(String source) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(source);
        return alive && status != null && status.isStarted();
    }

    boolean alive() {
        return alive;
    }

    /** As kill -9: the member leaves without a goodbye and the node polls nothing more. */
    void kill() {
        alive = false;
        hazelcast.getLifecycleService().terminate();
        camel.stop();
    }

    @Override
    public void close() {
        alive = false;
        camel.stop();
        ownership.destroy();
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getLifecycleService().terminate();
        }
    }
}
