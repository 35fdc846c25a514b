package org.onex.hub.policy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.onex.hub.config.HubPaths;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads {@code ${hub.config-dir}/sharing-policy.yaml} at start-up and checks it against the department registry,
 * so that a broken or contradictory policy stops the hub with {@code file:line: key: reason} instead of
 * leaking or withholding data later. A missing file is not an error but shares nothing (default deny), with a
 * warning: a hub without a policy must not fall back to "everyone sees everything".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubPaths.class)
public class SharingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SharingConfiguration.class);

    @Bean
    public SharingPolicy sharingPolicy(HubPaths paths, DepartmentRegistry registry) {
        Path file = paths.configDir().resolve(SharingPolicy.FILE);
        if (!Files.exists(file)) {
            LOG.warn("{} not found: default deny, no unit may provide or receive anything until it is written"
                    + " (see docs/security.md)", file);
            return SharingPolicy.denyAll(file);
        }
        return SharingPolicy.load(file, registry, paths.configDir().resolve(RegistryConfiguration.FILE_NAME));
    }
}
