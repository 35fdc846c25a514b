package org.onex.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jms.connection.CachingConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * The hub nodes' side of the broker pair: with the {@code prod} profile, {@code HUB_ARTEMIS_URL} in the pair's
 * form reaches Spring Boot's connection factory as a failover factory over both brokers, logging in as the hub.
 */
class FailoverUrlTest {

    @Test
    void theProdProfileTakesThePairsFailoverUrl() {
        new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(ArtemisAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=prod",
                        "HUB_ARTEMIS_URL=(tcp://broker-a:61616,tcp://broker-b:61617)?ha=true&reconnectAttempts=-1",
                        "HUB_ARTEMIS_PASSWORD=secret")
                .run(context -> {
                    ConnectionFactory bean = context.getBean(ConnectionFactory.class);
                    ActiveMQConnectionFactory factory = (ActiveMQConnectionFactory) (bean instanceof
                            CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean);
                    assertThat(factory.isHA()).isTrue();
                    assertThat(factory.getStaticConnectors()).hasSize(2);
                    assertThat(factory.getReconnectAttempts()).isEqualTo(-1);
                    assertThat(factory.getUser()).isEqualTo("hub");
                    assertThat(context.getEnvironment().getProperty("hub.artemis.hub-password")).isEqualTo("secret");
                });
    }
}
