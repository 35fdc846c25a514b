package org.onex.hub.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Path ids and small JSON request bodies of the operator actions, read strictly: 400 naming what is wrong. */
final class ApiBodies {

    private ApiBodies() {
    }

    /** A numeric id of the path, or 400 saying whose id is not a number. */
    static long id(String raw, String what) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", what + " id '" + raw + "' is not a number");
        }
    }

    /** The body as JSON (UTF-8, checked by the request filter); an empty object if there is none. */
    static JsonNode json(byte[] body, String what) {
        if (body == null || body.length == 0) {
            return HubJson.mapper().createObjectNode();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return HubJson.mapper().createObjectNode();
        }
        try {
            return HubJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", what + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
