package org.onex.hub.ingest;

import java.util.Map;

import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Source rows as JSON, for the version history and for quarantine replay. Keys are sorted so the same
 * row always gives the same text (the quarantine de-duplicates on it).
 */
@Component
public class SourcePayloads {

    public String toJson(Map<String, Object> row) {
        try {
            return HubJson.mapper().writeValueAsString(row); // the canonical mapper sorts map keys
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("source row cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public Map<String, Object> fromJson(String json) {
        try {
            return HubJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored payload is not JSON: " + e.getMessage(), e);
        }
    }
}
