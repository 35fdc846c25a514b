package org.onex.hub.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.onex.hub.api.OpenApiDocument;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The API's OpenAPI document (openapi/hub-api-v1.yaml) as a checker of live answers: for an operation ("GET
 * /records/{id}") and what the hub answered (status, content type, body), what the document does not allow. Bodies
 * are validated with the JSON Schema 2020-12 validator the hub uses for its configuration, against the schema the
 * document gives for that status and content type; the envelope schema it refers to is the hub's own.
 */
final class OpenApiContract {

    private static final String DOCUMENT_IRI = "https://onex-hub.example/openapi.json";
    private static final String ENVELOPE_IRI = "https://onex-hub.example/schema/hub-record-v1.json";

    private final JsonNode document = OpenApiDocument.load();
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    OpenApiContract() {
        String envelope;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/hub-record-v1.schema.json")) {
            envelope = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String documentJson = document.toString();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaLoaders(
                l -> l.schemas(Map.of(DOCUMENT_IRI, documentJson, ENVELOPE_IRI, envelope))));
    }

    /** "GET /records/{id}", for every operation of the document. */
    Set<String> operations() {
        Set<String> out = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> out.add(method.toUpperCase() + " " + path.getKey())));
        return out;
    }

    /** The query parameters the document lists for an operation (not {@code pretty}, which every one takes). */
    Set<String> queryParameters(String operation) {
        Set<String> out = new TreeSet<>();
        for (JsonNode p : operation(operation).path("parameters")) {
            JsonNode resolved = resolve(p);
            if (resolved.path("in").asText().equals("query") && !resolved.path("name").asText().equals("pretty")) {
                out.add(resolved.path("name").asText());
            }
        }
        return out;
    }

    /** What in this answer the document does not allow; empty when it conforms. */
    List<String> check(String operation, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        JsonNode response = operation(operation).path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            problems.add(operation + ": status " + status + " is not documented");
            return problems;
        }
        String pointer = pointerOf(operation, status, response);
        JsonNode content = resolve(response).path("content");
        String type = contentType.split(";")[0].trim();
        if (!content.has(type)) {
            problems.add(operation + " " + status + ": content type " + type + " is not documented (documented: "
                    + iterable(content.fieldNames()) + ")");
            return problems;
        }
        if (!type.contains("json")) {
            return problems;
        }
        JsonNode json;
        try {
            json = HubJson.mapper().readTree(body);
        } catch (IOException e) {
            problems.add(operation + " " + status + ": not JSON: " + e.getMessage());
            return problems;
        }
        String schemaPointer = pointer + "/content/" + escape(type) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        for (ValidationMessage m : schema.validate(json)) {
            problems.add(operation + " " + status + ": " + m.getMessage());
        }
        return problems;
    }

    private JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode op = document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
        if (op.isMissingNode()) {
            throw new IllegalArgumentException(operation + " is not in the OpenAPI document");
        }
        return op;
    }

    /** Where the response object is: under the operation, or the component it refers to. */
    private String pointerOf(String operation, int status, JsonNode response) {
        if (response.has("$ref")) {
            return response.path("$ref").asText().substring(1);
        }
        String[] parts = operation.split(" ", 2);
        return "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase() + "/responses/" + status;
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
