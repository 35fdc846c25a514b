package org.onex.hub.exchange;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code hub.exchanges.*} and the route {@code exchange-scan} (receipts from deliveries, overdue answers). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeConfiguration {

    @Bean
    RouteBuilder exchangeScanRoute(ExchangeProperties properties) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:exchange-scan?period=" + properties.scanPeriod().toMillis() + "&delay=5000")
                        .routeId("exchange-scan")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .bean(Exchanges.class, "scan")
                        .log(LoggingLevel.DEBUG, "exchange scan: ${body}");
            }
        };
    }
}
