package org.onex.hub.audit;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log's settings and its daily route {@code audit-purge}: retention purge, then the chain head logged,
 * so that the log files (kept elsewhere) witness the head's hash day by day; and {@code audit-anchor}, the signed head
 * appended to the anchor file and logged every {@code hub.audit.anchor.period} ({@link AuditAnchoring}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuditProperties.class, AuditAnchorProperties.class })
public class AuditConfiguration {

    @Bean
    RouteBuilder auditPurgeRoute(AuditProperties properties, AuditAnchorProperties anchor) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:audit-purge?period=" + properties.purgePeriod().toMillis() + "&delay="
                        + properties.purgeDelay().toMillis())
                        .routeId("audit-purge")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .bean(AuditRetention.class, "purge")
                        .bean(AuditVerifier.class, "head")
                        .log(LoggingLevel.INFO, "org.onex.hub.audit.AuditRetention",
                                "audit chain head: entry ${body.lastSeq}, hash ${body.lastHash}");

                from("timer:audit-anchor?period=" + anchor.period().toMillis() + "&delay=10000")
                        .routeId("audit-anchor")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .bean(AuditAnchoring.class, "anchor").id("audit-anchor-write");
            }
        };
    }
}
