package org.onex.hub.ops;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.onex.hub.config.HubPaths;
import org.onex.hub.connect.DepartmentDataSources;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Start-up wiring of the files IT teams edit (mappings) and of the hub's clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentDataSources.Definitions.class)
public class HubConfiguration {

    /** The hub's clock; tests register their own (an adjustable one) to travel in time. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every mapping compiled at start-up: a broken file stops the start with file, line, key and reason. */
    @Bean
    MappingRegistry mappingRegistry(HubPaths paths, DepartmentRegistry departments, CamelContext camel) {
        return MappingRegistry.load(paths.mappingsDir(), departments, camel);
    }
}
