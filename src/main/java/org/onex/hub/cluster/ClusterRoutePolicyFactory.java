package org.onex.hub.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.PropertyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Gives every route marked {@link ClusterRoutes#oneNode} a policy that lets it run only on the node that owns it
 * ({@link RouteOwnership}); other routes get none. Camel asks the factory for routes created at start-up and for
 * those the department route files add later.
 */
public class ClusterRoutePolicyFactory implements RoutePolicyFactory {

    private final RouteOwnership ownership;

    public ClusterRoutePolicyFactory(RouteOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return isOneNode(route) ? new OneNodePolicy(ownership) : null;
    }

    static boolean isOneNode(NamedNode node) {
        if (!(node instanceof RouteDefinition route) || route.getRouteProperties() == null) {
            return false;
        }
        for (PropertyDefinition p : route.getRouteProperties()) {
            if (ClusterRoutes.PROPERTY.equals(p.getKey()) && ClusterRoutes.ONE_NODE.equals(p.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The policy of one route. */
    static final class OneNodePolicy extends RoutePolicySupport {

        private final RouteOwnership ownership;

        OneNodePolicy(RouteOwnership ownership) {
            this.ownership = ownership;
        }

        @Override
        public void onInit(Route route) {
            ownership.manage(route);
        }

        @Override
        public void onStart(Route route) {
            ownership.started(route);
        }

        @Override
        public void onRemove(Route route) {
            ownership.removed(route);
        }
    }
}
