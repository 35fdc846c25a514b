/**
 * The hub nodes as one cluster (issue 16): this node's Hazelcast member, configured by {@code hub.cluster.*}
 * ({@link org.onex.hub.cluster.ClusterConfiguration}: a TCP-IP member list, no multicast, a single member on
 * 127.0.0.1 when no list is given); which node runs each source and singleton route
 * ({@link org.onex.hub.cluster.RouteOwnership}: the owner of the Hazelcast partition of {@code route:<id>}, started
 * and stopped through {@link org.onex.hub.cluster.ClusterRoutePolicyFactory} for the routes
 * {@link org.onex.hub.cluster.ClusterRoutes} marks one-node); and the API rate limit counted across nodes
 * ({@link org.onex.hub.cluster.ClusterRateLimits}).
 * <p>
 * A floor: it depends on Camel, Spring, Hazelcast and Micrometer only, never on a hub feature; the features mark
 * their routes with {@code ClusterRoutes} and {@code auth} asks {@code ClusterRateLimits}.
 */
package org.onex.hub.cluster;
