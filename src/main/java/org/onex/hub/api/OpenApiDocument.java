package org.onex.hub.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The API's contract, {@code openapi/hub-api-v1.yaml}, served as JSON at {@code /api/v1/openapi.json}, and the
 * envelope's JSON Schema at {@code /api/v1/schema}. Written by hand, contract first, rather than generated from the
 * controllers: several answers are views whose fields the sharing policy decides per client, which a generator
 * cannot see. A test validates every endpoint's live answers for every role against this document
 * ({@code OpenApiContract}), so it cannot drift from what the hub does.
 */
@RestController
public class OpenApiDocument {

    /** Where the document is on the class path. */
    public static final String RESOURCE = "openapi/hub-api-v1.yaml";
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

    private final Contract contract;

    public OpenApiDocument() {
        this.contract = new Contract(load());
    }

    /** The document as a JSON tree (read once; YAML anchors expanded). */
    public static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " is not valid YAML", e);
        }
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Contract serve() {
        return contract;
    }

    @GetMapping(path = "/api/v1/schema", produces = "application/schema+json")
    ResponseEntity<Resource> schema() {
        return ResponseEntity.ok().contentType(SCHEMA).body(new ClassPathResource("schema/hub-record-v1.schema.json"));
    }

    /** The document as it is: it holds no personal data, and its examples are shown to everyone. */
    record Contract(@JsonValue JsonNode document) implements ApiAnswer.Viewed {
    }
}
