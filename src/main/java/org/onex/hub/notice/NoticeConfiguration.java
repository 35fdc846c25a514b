package org.onex.hub.notice;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code hub.notices.*} and the route {@code notice-reminders} (unreceipted copy notices). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeProperties.class)
public class NoticeConfiguration {

    @Bean
    RouteBuilder noticeReminderRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:notice-reminders?period={{hub.notices.remind-period:3600000}}&delay=60000")
                        .routeId("notice-reminders")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .bean(Notices.class, "remind")
                        .log(LoggingLevel.DEBUG, "notice reminders: ${body}");
            }
        };
    }
}
