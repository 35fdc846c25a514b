package org.onex.hub.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.stereotype.Component;

/**
 * {@code delivery-dispatcher}: outbox → department queues, every {@code hub.delivery.dispatch-period};
 * {@code delivery-acks}: reads acknowledgements from the channels that take them (ack column, ack file);
 * {@code delivery-sweep}: {@link DeliverySweep}, every {@code hub.delivery.sweep-period} and once at start.
 */
@Component
public class DeliveryRoutes extends RouteBuilder {

    private final DeliveryRecoveryProperties settings;

    public DeliveryRoutes(DeliveryRecoveryProperties settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("timer:delivery-dispatcher?period={{hub.delivery.dispatch-period:500}}&delay=2000")
                .routeId("delivery-dispatcher")
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .setProperty("more", constant(true))
                .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                    .bean(DeliveryDispatcher.class, "dispatchNext")
                    .setProperty("more", simple("${body} >= 500"))
                .end();
        // orphaned deliveries back to the outbox, stuck ones alerted; first round shortly after start
        from("timer:delivery-sweep?period=" + settings.sweepPeriod().toMillis() + "&delay=3000")
                .routeId("delivery-sweep")
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .bean(DeliverySweep.class, "sweep");
        from("timer:delivery-acks?period={{hub.delivery.ack-period:10000}}&delay=5000")
                .routeId("delivery-acks")
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .bean(DeliveryChannels.class, "pollAcks");
    }
}
