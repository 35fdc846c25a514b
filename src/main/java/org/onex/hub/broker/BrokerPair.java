package org.onex.hub.broker;

import java.util.List;

import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;

/**
 * The HA settings of a standalone broker, on top of the hub's own (security, addresses, read audit, acceptor: the
 * customizers of {@code feed} and {@code auth}, unchanged). A shared-store pair as Artemis' HA chapter describes
 * it: both brokers use one journal directory; the primary holds its file lock while it lives, the backup waits for
 * the lock and takes over when the primary dies (kill -9 releases the lock). Each has a connector to itself and
 * a cluster connection with a static connector to the other, through which the backup announces itself, so that
 * clients learn the pair's topology and fail over (URL {@code (tcp://a:61616,tcp://b:61617)?ha=true&...}).
 * Messages are not load-balanced between them: only one is ever live.
 */
class BrokerPair implements ArtemisConfigurationCustomizer {

    static final String SELF = "self";
    static final String PEER = "peer";
    static final String CLUSTER = "hub-pair";
    /** The pair's internal user (Artemis' default name would be the same everywhere). */
    static final String CLUSTER_USER = "hub-broker-pair";

    private final BrokerProperties properties;

    BrokerPair(BrokerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.setPersistenceEnabled(true);
        configuration.setPersistIDCache(true); // duplicate ids survive a takeover: a re-sent version is dropped
        if (!properties.paired()) {
            return;
        }
        try {
            configuration.addConnectorConfiguration(SELF, properties.url());
            configuration.addConnectorConfiguration(PEER, "tcp://" + properties.peer());
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the broker pair's connectors: " + e.getMessage(), e);
        }
        configuration.setClusterUser(CLUSTER_USER);
        configuration.setClusterPassword(properties.clusterPassword());
        configuration.addClusterConfiguration(new ClusterConnectionConfiguration().setName(CLUSTER)
                .setConnectorName(SELF).setStaticConnectors(List.of(PEER)).setRetryInterval(500)
                .setReconnectAttempts(-1).setMessageLoadBalancingType(MessageLoadBalancingType.OFF));
        configuration.setHAPolicyConfiguration(properties.backup()
                ? new SharedStoreBackupPolicyConfiguration().setFailoverOnServerShutdown(true).setAllowFailBack(true)
                : new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(true));
    }
}
