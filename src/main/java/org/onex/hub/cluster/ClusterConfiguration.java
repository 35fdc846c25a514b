package org.onex.hub.cluster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Hazelcast member of this hub node. Spring Boot's Hazelcast support starts it from the {@link Config} made
 * here (open-source edition; no CP subsystem): a TCP-IP member list from {@code hub.cluster.members} and nothing
 * else to find members by (no multicast, no auto-detection), so a node joins only the hubs it is told about.
 * Without a member list (the embedded default) it is a single member on 127.0.0.1 that owns every route.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    @Bean
    public Config hazelcastConfig(ClusterProperties cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // Spring closes the member with the context; Hazelcast's own hook would close it first, under Camel's feet
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.failureTimeout().toSeconds()));
        // a departed member's partitions are promoted at once; waiting for it to come back helps no route
        config.setProperty("hazelcast.partition.migration.interval", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true);
        if (cluster.address() != null) {
            network.getInterfaces().setEnabled(true).addInterface(cluster.address());
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
        if (cluster.publicAddress() != null) {
            network.setPublicAddress(cluster.publicAddress());
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(cluster.clustered()).setMembers(cluster.members());
        config.addMapConfig(new MapConfig(ClusterRateLimits.MAP).setBackupCount(0).setAsyncBackupCount(1));
        return config;
    }

    @Bean
    RouteOwnership routeOwnership(HazelcastInstance hazelcast, ClusterProperties cluster, MeterRegistry meters) {
        return new RouteOwnership(hazelcast, cluster, meters);
    }

    @Bean
    ClusterRoutePolicyFactory clusterRoutePolicyFactory(RouteOwnership ownership) {
        return new ClusterRoutePolicyFactory(ownership);
    }

    @Bean
    ClusterRateLimits clusterRateLimits(HazelcastInstance hazelcast) {
        return new ClusterRateLimits(hazelcast);
    }
}
