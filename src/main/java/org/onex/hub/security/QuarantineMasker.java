package org.onex.hub.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Masks a quarantined source row for a client not entitled to see it raw (issue 6 item 5). The row's columns
 * have department-specific names, so field rules cannot apply: a column the policy lists under
 * {@code quarantine.columns} is masked by its kind whatever the value looks like (a malformed ID number is
 * still an ID number), every other value by {@link Masking#maskText}. Returns a new tree.
 */
final class QuarantineMasker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QuarantineMasker() {
    }

    static JsonNode mask(JsonNode rawRow, SharingPolicy policy) {
        return mask(rawRow, null, policy);
    }

    /** {@code columnMask}: the kind of the enclosing listed column, if any (it covers nested values too). */
    private static JsonNode mask(JsonNode node, MaskKind columnMask, SharingPolicy policy) {
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                MaskKind kind = columnMask != null ? columnMask : policy.quarantineColumnMask(e.getKey()).orElse(null);
                out.set(e.getKey(), mask(e.getValue(), kind, policy));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(mask(item, columnMask, policy)));
            return out;
        }
        return FieldMasker.mask(node, columnMask != null ? columnMask : MaskKind.TEXT);
    }
}
