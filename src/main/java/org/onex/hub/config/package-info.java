/**
 * Loading and checking the hub's hand-edited YAML files ({@code config/*.yaml},
 * {@code mappings/<dept>/<feed>.yaml} and the like): {@link org.onex.hub.config.YamlDocument}
 * parses a file into a Jackson tree that remembers the line of every node,
 * {@link org.onex.hub.config.SchemaCheck} validates it against a JSON Schema, and
 * {@link org.onex.hub.config.ConfigException} reports every problem as
 * {@code file:line: key: reason}, so that an IT team sees exactly what to fix. Also owns
 * {@link org.onex.hub.config.HubPaths}, the folders these files live in, and
 * {@link org.onex.hub.config.RouteFiles}, which finds the file and line of a route's parameter for
 * messages about a route that cannot start. Depends on nothing else in the hub.
 */
package org.onex.hub.config;
