package org.onex.hub.auth;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded broker the hub's {@link BrokerSecurityManager} before Spring starts it (its init method is
 * {@code start}). An {@code ArtemisConfigurationCustomizer} cannot do this: the security manager belongs to the
 * server, not to its configuration. Without this the broker would fall back to Artemis' JAAS manager with no users
 * and refuse everyone, the hub included: security fails closed. With an external broker (production) there is no
 * {@link EmbeddedActiveMQ} bean and nothing happens.
 */
@Component
public class BrokerSecurityInstaller implements BeanPostProcessor {

    /** A provider, not the bean: post-processors are created before the beans the manager needs. */
    private final ObjectProvider<BrokerSecurityManager> manager;

    public BrokerSecurityInstaller(ObjectProvider<BrokerSecurityManager> manager) {
        this.manager = manager;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EmbeddedActiveMQ broker) {
            broker.setSecurityManager(manager.getObject());
        }
        return bean;
    }
}
