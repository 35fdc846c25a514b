package org.onex.hub.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The API's contract, {@code openapi/hub-api-v1.yaml}, served as JSON at {@code /api/v1/openapi.json}. Written by
 * hand, contract first, rather than generated from the REST DSL: the operations answer JSON trees, so a generated
 * document had no schemas. A test validates every endpoint's live answers for every role against this document
 * ({@code OpenApiContract}), so it cannot drift from what the hub does.
 */
@Component
public class OpenApiDocument {

    /** Where the document is on the class path. */
    public static final String RESOURCE = "openapi/hub-api-v1.yaml";

    private final JsonNode document;

    public OpenApiDocument() {
        this.document = load();
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

    /** The body of {@code GET /api/v1/openapi.json}. */
    public void serve(Exchange exchange) {
        exchange.getMessage().setBody(document.deepCopy());
    }
}
