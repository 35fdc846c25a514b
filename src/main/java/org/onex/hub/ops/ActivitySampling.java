package org.onex.hub.ops;

import java.time.Clock;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.onex.hub.store.ActivityStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The route {@code activity-sample}: every {@code hub.console.activity-period} (30 s) it counts the feed places
 * since the last run into rows per unit and hour ({@link ActivityStore}), until it has caught up, for the console
 * overview's strips. One node runs it; it writes nothing on any ingest path.
 */
@Configuration(proxyBeanMethods = false)
public class ActivitySampling {

    /** Feed places counted per transaction. */
    static final int BATCH = 20_000;

    @Bean
    RouteBuilder activitySampleRoute(ActivityStore activity, Clock clock,
            @Value("${hub.console.activity-period:30s}") java.time.Duration period) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:activity-sample?period=" + period.toMillis() + "&delay=3000")
                        .routeId("activity-sample")
                        .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                        .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                        .process(e -> {
                            int n;
                            do {
                                n = activity.sample(BATCH, clock.instant());
                            } while (n == BATCH);
                        });
            }
        };
    }
}
