package org.onex.hub.cluster;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.cluster.*}: the Hazelcast cluster of hub nodes (issue 16).
 *
 * @param name           the cluster name; nodes with another name never join (several hubs on one network)
 * @param members        the TCP-IP member list ({@code host:port}, every node lists the same). Empty (the embedded
 *                       default): a single member that looks for no other and binds to 127.0.0.1 only
 * @param address        the address this node binds and announces (blank: Hazelcast picks one; 127.0.0.1 when
 *                       {@code members} is empty)
 * @param publicAddress  the address other nodes reach this one at, when it differs (a container behind NAT)
 * @param port           the member port (the next free one above it when several nodes share a host)
 * @param failureTimeout how long a node may be silent before the others declare it gone and take over its routes
 * @param checkPeriod    how often each node compares the routes it runs with the ones it owns (besides the
 *                       membership and partition-migration events that trigger the same check)
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(String name, List<String> members, String address, String publicAddress,
        Integer port, Duration failureTimeout, Duration checkPeriod) {

    public ClusterProperties {
        name = name == null || name.isBlank() ? "onex-hub" : name;
        members = members == null ? List.of() : members.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
        address = address == null || address.isBlank() ? (members.isEmpty() ? "127.0.0.1" : null) : address.trim();
        publicAddress = publicAddress == null || publicAddress.isBlank() ? null : publicAddress.trim();
        port = port == null ? 5701 : port;
        failureTimeout = failureTimeout == null ? Duration.ofSeconds(10) : failureTimeout;
        checkPeriod = checkPeriod == null ? Duration.ofSeconds(2) : checkPeriod;
        if (failureTimeout.toSeconds() < 2) {
            throw new IllegalArgumentException("hub.cluster.failure-timeout must be at least 2s, not "
                    + failureTimeout);
        }
    }

    /** Whether other nodes may join: a member list is configured. */
    public boolean clustered() {
        return !members.isEmpty();
    }
}
