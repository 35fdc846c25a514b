package org.onex.hub.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks sharing-policy paths against the record envelope's JSON Schema ({@code schema/hub-record-v1.schema.json}),
 * so that a typo such as {@code subject.idNumbr} stops the start instead of silently matching nothing. Closed
 * sections (identity, subject, document, times) have a fixed set of fields; {@code body} is open (its 双公示
 * fields vary by record type), so anything under it is accepted.
 */
final class RecordPaths {

    static final String RECORD_SCHEMA = "schema/hub-record-v1.schema.json";

    private static final JsonNode SCHEMA = read();

    private RecordPaths() {
    }

    /** What is wrong with {@code path}, or empty if it can name fields of a record. */
    static Optional<String> problem(FieldPath path) {
        JsonNode node = SCHEMA;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < path.segments().size(); i++) {
            if (!path.literal(i)) {
                return Optional.empty(); // a wildcard: the schema cannot tell what it will match
            }
            String segment = path.segments().get(i);
            JsonNode properties = node.path("properties");
            JsonNode additional = node.path("additionalProperties");
            boolean closed = additional.isBoolean() && !additional.asBoolean();
            if (properties.has(segment)) {
                node = resolve(properties.get(segment));
                seen.add(segment);
                continue;
            }
            String where = seen.isEmpty() ? "a record" : String.join(".", seen);
            if (closed) {
                List<String> known = new ArrayList<>();
                properties.fieldNames().forEachRemaining(known::add);
                return Optional.of("unknown field '" + segment + "' in " + where + " (known: "
                        + String.join(", ", known) + ")");
            }
            if (!isObject(node)) {
                return Optional.of(where + " is a single value and has no field '" + segment + "'");
            }
            return Optional.empty(); // an open object such as body
        }
        return Optional.empty();
    }

    /** The values the schema allows at {@code path} (an enum), or empty when any text is possible. */
    static List<String> allowedValues(FieldPath path) {
        JsonNode node = SCHEMA;
        for (String segment : path.segments()) {
            node = resolve(node.path("properties").path(segment));
        }
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean isObject(JsonNode node) {
        return "object".equals(node.path("type").asText()) || node.has("properties");
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? SCHEMA.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static JsonNode read() {
        try (InputStream in = RecordPaths.class.getClassLoader().getResourceAsStream(RECORD_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource not found on the classpath: " + RECORD_SCHEMA);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RECORD_SCHEMA, e);
        }
    }
}
