package org.onex.hub.registry;

import org.onex.hub.config.HubPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the department registry from {@code ${hub.config-dir:config}/departments.yaml} at
 * start-up, so that a broken file stops the hub with a {@code file:line: key: reason} message
 * instead of failing later on the first record.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubPaths.class)
public class RegistryConfiguration {

    /** File name of the registry inside {@link HubPaths#configDir()}. */
    public static final String FILE_NAME = "departments.yaml";

    @Bean
    public DepartmentRegistry departmentRegistry(HubPaths paths) {
        return DepartmentRegistry.load(paths.configDir().resolve(FILE_NAME));
    }
}
