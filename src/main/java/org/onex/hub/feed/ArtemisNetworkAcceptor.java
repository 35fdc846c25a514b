package org.onex.hub.feed;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Opens the embedded broker to the network so that external consumers can subscribe to the feed over
 * CORE (JMS) or AMQP 1.0 (any language). Only used with the embedded broker.
 */
@Component
@ConditionalOnProperty(name = "hub.artemis.acceptor-url")
public class ArtemisNetworkAcceptor implements ArtemisConfigurationCustomizer {

    private final String url;

    public ArtemisNetworkAcceptor(org.springframework.core.env.Environment env) {
        this.url = env.getRequiredProperty("hub.artemis.acceptor-url");
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        if (url.isBlank()) {
            return; // an empty hub.artemis.acceptor-url switches the network acceptor off
        }
        try {
            configuration.addAcceptorConfiguration("network", url);
        } catch (Exception e) {
            throw new IllegalStateException("hub.artemis.acceptor-url '" + url + "' is not a valid acceptor URL", e);
        }
    }
}
