package org.onex.hub.auth;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code broker-key-check}: open broker connections whose key was revoked are closed ({@link BrokerSessions}). */
@Component
public class BrokerSessionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:broker-key-check?period={{hub.artemis.key-check-period:10000}}&delay=5000")
                .routeId("broker-key-check")
                .bean(BrokerSessions.class, "closeRevoked").id("broker-close-revoked");
    }
}
