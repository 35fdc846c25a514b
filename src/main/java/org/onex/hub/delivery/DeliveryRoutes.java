package org.onex.hub.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.ops.ErrorRouteConfiguration;
import org.springframework.stereotype.Component;

/**
 * {@code delivery-dispatcher}: outbox → department queues, every {@code hub.delivery.dispatch-period};
 * {@code delivery-acks}: reads acknowledgements from the channels that take them (ack column, ack file).
 */
@Component
public class DeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:delivery-dispatcher?period={{hub.delivery.dispatch-period:500}}&delay=2000")
                .routeId("delivery-dispatcher").routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .setProperty("more", constant(true))
                .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                    .bean(DeliveryDispatcher.class, "dispatchNext")
                    .setProperty("more", simple("${body} >= 500"))
                .end();
        from("timer:delivery-acks?period={{hub.delivery.ack-period:10000}}&delay=5000")
                .routeId("delivery-acks").routeConfigurationId(ErrorRouteConfiguration.SOURCE)
                .bean(DeliveryChannels.class, "pollAcks");
    }
}
