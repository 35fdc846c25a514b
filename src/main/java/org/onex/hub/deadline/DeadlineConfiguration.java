package org.onex.hub.deadline;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.onex.hub.config.HubPaths;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The obligations of {@code config/obligations.yaml} and the scan route {@code obligation-scan}. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    ObligationRules obligationRules(HubPaths paths, DepartmentRegistry registry) {
        return ObligationRules.load(paths.configDir().resolve(ObligationRules.FILE), registry);
    }

    @Bean
    RouteBuilder obligationScanRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:obligation-scan?period={{hub.deadline.scan-period:60000}}&delay={{hub.deadline.scan-delay:15000}}")
                        .routeId("obligation-scan")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .bean(ObligationScanner.class, "scan")
                        .log(org.apache.camel.LoggingLevel.DEBUG, "obligation scan: ${body}");
            }
        };
    }
}
