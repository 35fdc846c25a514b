package org.onex.hub.broker;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.broker.*}: the standalone broker of {@code onex-hub.jar broker} ({@link BrokerCommand} sets them from
 * its options; {@code HUB_BROKER_*} in the environment works too).
 *
 * @param ha              {@code none} (one broker) or {@code shared-store} (a primary/backup pair on one journal
 *                        directory: docs/design-decisions.md "Broker pair")
 * @param role            {@code primary} or {@code backup} in a pair
 * @param host            the host clients and the other broker reach this broker at (also its bind address)
 * @param port            its acceptor port (CORE and AMQP)
 * @param peer            {@code host:port} of the other broker of the pair
 * @param clusterPassword the pair's cluster password ({@code HUB_ARTEMIS_CLUSTER_PASSWORD}), the same on both;
 *                        required in a pair: Artemis' default one would let anyone in as its cluster user
 */
@ConfigurationProperties(prefix = "hub.broker")
public record BrokerProperties(@DefaultValue("none") String ha, @DefaultValue("primary") String role,
        @DefaultValue("127.0.0.1") String host, @DefaultValue("61616") int port, String peer, String clusterPassword) {

    public static final String NONE = "none";
    public static final String SHARED_STORE = "shared-store";
    public static final String PRIMARY = "primary";
    public static final String BACKUP = "backup";

    public BrokerProperties {
        ha = ha.toLowerCase(Locale.ROOT);
        role = role.toLowerCase(Locale.ROOT);
        if (!ha.equals(NONE) && !ha.equals(SHARED_STORE)) {
            throw new IllegalArgumentException("hub.broker.ha must be none or shared-store, not '" + ha + "'");
        }
        if (!role.equals(PRIMARY) && !role.equals(BACKUP)) {
            throw new IllegalArgumentException("hub.broker.role must be primary or backup, not '" + role + "'");
        }
        if (paired(ha)) {
            if (peer == null || !peer.matches("[^:/\\s]+:\\d+")) {
                throw new IllegalArgumentException("a broker pair needs --peer HOST:PORT (the other broker), not '"
                        + peer + "'");
            }
            if (clusterPassword == null || clusterPassword.isBlank()) {
                throw new IllegalArgumentException("a broker pair needs a cluster password:"
                        + " HUB_ARTEMIS_CLUSTER_PASSWORD (hub.broker.cluster-password), the same on both brokers");
            }
        } else if (role.equals(BACKUP)) {
            throw new IllegalArgumentException("--backup needs --ha=shared-store");
        }
    }

    public boolean paired() {
        return paired(ha);
    }

    public boolean backup() {
        return role.equals(BACKUP);
    }

    /** The URL of this broker's acceptor, the one clients connect to. */
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    private static boolean paired(String ha) {
        return ha.equals(SHARED_STORE);
    }
}
