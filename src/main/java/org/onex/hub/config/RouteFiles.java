package org.onex.hub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds where a templated route's parameter is written in {@code routes/*.camel.yaml}, so that a template whose
 * route cannot start names the file and line an IT team has to fix. Camel hands a template's beans the parameter
 * values only, not the file they came from; the values that identify the route (department, feed) find it again.
 */
public final class RouteFiles {

    private RouteFiles() {
    }

    /**
     * The {@code file:line} of parameter {@code parameter} (or of the entry when it is not given) in the first
     * templated route of {@code template} whose parameters include all of {@code identifying}; empty when no route
     * file has it (a route added by code, or a file changed since).
     */
    public static Optional<String> locate(Path routesDir, String template, Map<String, String> identifying,
            String parameter) {
        if (!Files.isDirectory(routesDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList()) {
                Optional<String> at = locateIn(file, template, identifying, parameter);
                if (at.isPresent()) {
                    return at;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> locateIn(Path file, String template, Map<String, String> identifying,
            String parameter) {
        YamlDocument doc;
        try {
            doc = YamlDocument.load(file);
        } catch (ConfigException e) {
            return Optional.empty();
        }
        for (int i = 0; i < doc.root().size(); i++) {
            JsonNode route = doc.root().path(i).path("templatedRoute");
            if (!template.equals(route.path("routeTemplateRef").asText())) {
                continue;
            }
            JsonNode parameters = route.path("parameters");
            boolean matches = identifying.entrySet().stream().allMatch(e -> value(parameters, e.getKey())
                    .filter(v -> v.equals(e.getValue())).isPresent());
            if (matches) {
                int index = index(parameters, parameter);
                String pointer = index < 0 ? YamlDocument.pointer(i, "templatedRoute")
                        : YamlDocument.pointer(i, "templatedRoute", "parameters", index, "value");
                return Optional.of(file + ":" + doc.line(pointer));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(JsonNode parameters, String name) {
        int index = index(parameters, name);
        return index < 0 ? Optional.empty() : Optional.of(parameters.get(index).path("value").asText().trim());
    }

    private static int index(JsonNode parameters, String name) {
        for (int j = 0; j < parameters.size(); j++) {
            if (name.equals(parameters.get(j).path("name").asText().trim())) {
                return j;
            }
        }
        return -1;
    }
}
