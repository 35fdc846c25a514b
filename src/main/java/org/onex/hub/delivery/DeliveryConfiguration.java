package org.onex.hub.delivery;

import org.onex.hub.config.HubPaths;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matter table of {@code config/matters.yaml}, checked at start-up. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    MatterTable matterTable(HubPaths paths, DepartmentRegistry registry) {
        return MatterTable.load(paths.configDir().resolve(MatterTable.FILE), registry);
    }
}
