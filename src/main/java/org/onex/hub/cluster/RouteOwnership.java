package org.onex.hub.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Which hub node runs which {@linkplain ClusterRoutes#oneNode one-node route}: the member that owns the Hazelcast
 * partition of the key {@code route:<routeId>}. Hazelcast already spreads its 271 partitions evenly over the live
 * members, moves as few as it can when a member joins or leaves, and gives every member the same partition table,
 * so the routes are spread across nodes and rebalance without a protocol of the hub's own (and without Hazelcast's
 * CP subsystem, which the open-source edition does not offer; docs/design-decisions.md).
 *
 * <p>Each node starts the managed routes it comes to own and stops the ones it no longer owns, when the membership
 * changes, when a partition migration ends, and every {@code hub.cluster.check-period}. A route is only started or
 * stopped on a change of ownership, so a route an operator suspended, or one the hub stopped for its failures, is
 * left as it is while its owner stays the same.
 *
 * <p>This is an optimisation, not a guarantee (DESIGN.md): during a migration or a network partition two nodes may
 * poll one source at once, and the idempotent store and the watermark written with the data keep that from storing
 * anything twice or losing anything.
 */
public class RouteOwnership implements MembershipListener, MigrationListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RouteOwnership.class);
    static final String KEY_PREFIX = "route:";

    private final HazelcastInstance hazelcast;
    private final ClusterProperties properties;
    /** Managed route id → whether this node owned it at the last check. */
    private final Map<String, Boolean> managed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-route-ownership");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile CamelContext camel;
    private final MultiGauge active;

    public RouteOwnership(HazelcastInstance hazelcast, ClusterProperties properties, MeterRegistry meters) {
        this.hazelcast = hazelcast;
        this.properties = properties;
        Gauge.builder("hub_cluster_members", this, RouteOwnership::members)
                .description("Live hub nodes in the cluster, as this node sees them").register(meters);
        active = MultiGauge.builder("hub_route_active").description("1 when this node runs the one-node route"
                + " (a source or a singleton), 0 when another node does").register(meters);
        hazelcast.getCluster().addMembershipListener(this);
        hazelcast.getPartitionService().addMigrationListener(this);
        long period = properties.checkPeriod().toMillis();
        checks.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether this node owns the route now (always on a single member). */
    public boolean owns(String routeId) {
        Member owner = owner(routeId);
        return owner != null && owner.localMember();
    }

    /** The member that owns the route, or null while its partition has no owner (during a migration). */
    Member owner(String routeId) {
        Partition partition = hazelcast.getPartitionService().getPartition(KEY_PREFIX + routeId);
        return partition.getOwner();
    }

    /** The address of the node that runs the route, for operators ({@code 10.0.0.2:5701}); empty while unknown. */
    public Optional<String> ownerAddress(String routeId) {
        Member owner = owner(routeId);
        return owner == null ? Optional.empty()
                : Optional.of(owner.getAddress().getHost() + ":" + owner.getAddress().getPort());
    }

    /** This node's address in the cluster. */
    public String localAddress() {
        Member me = hazelcast.getCluster().getLocalMember();
        return me.getAddress().getHost() + ":" + me.getAddress().getPort();
    }

    /** The number of live members (0 once this node's member has stopped). */
    public int members() {
        return hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0;
    }

    /** Managed routes by id → whether this node owned them at the last check (and so runs them). */
    public Map<String, Boolean> managedRoutes() {
        return new TreeMap<>(managed);
    }

    /** Called as a managed route is created: a route this node does not own does not start with the context. */
    void manage(Route route) {
        camel = route.getCamelContext();
        boolean owned = owns(route.getId());
        managed.put(route.getId(), owned);
        if (!owned) {
            route.setAutoStartup(false);
            LOG.info("route {} runs on {}, not on this node", route.getId(), ownerAddress(route.getId()).orElse("?"));
        }
    }

    /** Called as a managed route starts: one started by hand (or by a reload) on a node that does not own it stops. */
    void started(Route route) {
        if (!owns(route.getId())) {
            managed.put(route.getId(), false);
            queueStop(route.getId());
        }
    }

    void removed(Route route) {
        managed.remove(route.getId());
    }

    /** Runs a check soon, once, however many events asked for it. */
    void queueCheck() {
        if (checkQueued.compareAndSet(false, true)) {
            checks.execute(this::check);
        }
    }

    private void queueStop(String routeId) {
        checks.execute(() -> stop(routeId));
    }

    /** Starts the routes this node has come to own, stops the ones it no longer owns. */
    void check() {
        checkQueued.set(false);
        CamelContext context = camel;
        if (context == null || !context.isStarted() || !hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        try {
            move(context);
        } finally {
            active.register(managed.keySet().stream().map(id -> MultiGauge.Row.of(Tags.of("route", id),
                    runs(context, id) ? 1 : 0)).toList(), true);
        }
    }

    private static boolean runs(CamelContext context, String routeId) {
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        return status != null && status.isStarted();
    }

    private void move(CamelContext context) {
        for (String routeId : managed.keySet()) {
            try {
                Member owner = owner(routeId);
                if (owner == null) {
                    continue; // migrating: decide when it has an owner again
                }
                boolean owns = owner.localMember();
                Boolean before = managed.replace(routeId, owns);
                if (before == null || before == owns) {
                    continue;
                }
                if (owns) {
                    start(context, routeId);
                } else {
                    stop(routeId);
                }
            } catch (RuntimeException e) {
                LOG.warn("route {}: ownership check failed: {}", routeId, e.toString());
            }
        }
    }

    private void start(CamelContext context, String routeId) throws RuntimeException {
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        if (status != null && status.isStartable()) {
            LOG.info("route {} now runs on this node ({} of {} members)", routeId, localAddress(), members());
            try {
                context.getRouteController().startRoute(routeId);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start " + routeId + ": " + e.getMessage(), e);
            }
        }
    }

    private void stop(String routeId) {
        CamelContext context = camel;
        if (context == null || context.isStopping() || context.isStopped()) {
            return;
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        if (status != null && (status.isStarted() || status.isSuspended())) {
            LOG.info("route {} now runs on {}: stopped on this node", routeId, ownerAddress(routeId).orElse("?"));
            try {
                context.getRouteController().stopRoute(routeId);
            } catch (Exception e) {
                LOG.warn("route {}: cannot stop it on this node: {}", routeId, e.toString());
            }
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        LOG.info("hub node {} joined the cluster ({} members)", event.getMember().getAddress(),
                event.getMembers().size());
        queueCheck();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        LOG.warn("hub node {} left the cluster ({} members): its routes move to the others",
                event.getMember().getAddress(), event.getMembers().size());
        queueCheck();
    }

    @Override
    public void migrationStarted(MigrationState state) {
        // nothing: routes move when it has finished
    }

    @Override
    public void migrationFinished(MigrationState state) {
        queueCheck();
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        // the whole migration's end is enough
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
        queueCheck();
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }

    ClusterProperties properties() {
        return properties;
    }
}
