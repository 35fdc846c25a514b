package org.onex.hub.cluster;

import org.apache.camel.model.RouteDefinition;

/**
 * How a route says where it runs in a cluster. A route marked {@link #oneNode} (every department source and every
 * singleton: the obligation scan, the feed sequencer and publisher, the delivery dispatcher, the audit purge …) is
 * active on exactly one hub node at a time, the one {@link RouteOwnership} names; the others keep it stopped. An
 * unmarked route runs on every node (the API's, the push ingest's, each node's own broker checks).
 *
 * <p>The mark is a route property, so it reaches routes instantiated from templates by department route files.
 */
public final class ClusterRoutes {

    /** The route property. */
    public static final String PROPERTY = "hub.cluster";
    /** Its value for "active on one node at a time". */
    public static final String ONE_NODE = "one-node";

    private ClusterRoutes() {
    }

    /** Marks a route as active on one node at a time; returns it for chaining. */
    public static RouteDefinition oneNode(RouteDefinition route) {
        return route.routeProperty(PROPERTY, ONE_NODE);
    }
}
