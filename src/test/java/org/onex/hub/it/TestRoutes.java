package org.onex.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the route file of the test department feed (scjgj licences from data source it-src). */
final class TestRoutes {

    private TestRoutes() {
    }

    /** A fresh routes folder with one jdbc-source instance; {@code overrides} replace or add parameters. */
    static Path licenceRoute(Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("department", "scjgj");
        p.put("feed", "licences");
        p.put("dataSource", "it-src");
        p.put("table", "xk_licence");
        p.put("cursorTime", "UPDATED_AT");
        p.put("cursorKey", "ID");
        p.put("pollInterval", "250ms");
        p.put("initialDelay", "100ms");
        p.put("commitDelay", "500ms");
        p.putAll(overrides);
        String parameters = p.entrySet().stream()
                .map(e -> "      - { name: " + e.getKey() + ", value: \"" + e.getValue() + "\" }")
                .collect(Collectors.joining("\n"));
        try {
            Path dir = Files.createTempDirectory("hub-it-routes");
            Files.writeString(dir.resolve("scjgj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: jdbc-source\n"
                    + "    routeId: scjgj-licences\n    parameters:\n" + parameters + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
