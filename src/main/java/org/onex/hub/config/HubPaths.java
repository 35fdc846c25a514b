package org.onex.hub.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folders holding the files that wire departments into the hub (DESIGN.md "Wiring a
 * department = adding files"), relative to the working directory unless absolute.
 *
 * @param configDir   {@code hub.config-dir}: registry and other hub-wide YAML, default {@code config}
 * @param routesDir   {@code hub.routes-dir}: {@code <dept>.camel.yaml} route files, default {@code routes}
 * @param mappingsDir {@code hub.mappings-dir}: {@code <dept>/<feed>.yaml} mappings, default {@code mappings}
 */
@ConfigurationProperties(prefix = "hub")
public record HubPaths(
        @DefaultValue("config") Path configDir,
        @DefaultValue("routes") Path routesDir,
        @DefaultValue("mappings") Path mappingsDir) {
}
