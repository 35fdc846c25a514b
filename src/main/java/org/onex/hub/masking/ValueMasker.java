package org.onex.hub.masking;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The value-kind masker ("judge by value, not by name"): every value that is, or contains, a
 * resident ID number (GB 11643) or a mainland mobile number is masked whatever field, column, key or page it sits
 * in — document numbers, source keys, sourceRefs, obligations, alerts, audit details, CSV cells, console pages.
 * Names cannot be recognised by their value; they are masked where the hub knows a field holds a natural person's
 * name (the field rules, {@link FieldMasker}). Pure functions; which clients it applies to is decided by
 * {@link SharingEnforcer#maskValues(Client, JsonNode)}.
 */
public final class ValueMasker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A hex digest (content hash, id digest): a run of 11 digits inside one is chance, not a phone number. */
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("[0-9a-fA-F]{32,}");

    private ValueMasker() {
    }

    /** {@code text} with every ID and mobile number in it masked ({@link Masking#maskText}). */
    public static String text(String text) {
        return Masking.maskText(text);
    }

    /** A copy of {@code tree} with every scalar masked by {@link #text}; object keys are masked too. */
    public static JsonNode tree(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : tree.properties()) {
                out.set(text(e.getKey()), tree(e.getValue()));
            }
            return out;
        }
        if (tree.isArray()) {
            ArrayNode out = JSON.arrayNode();
            tree.forEach(item -> out.add(tree(item)));
            return out;
        }
        return scalar(tree);
    }

    /** Text is masked as text; a number only if masking its text form changes it (a mobile number as a number). */
    public static JsonNode scalar(JsonNode scalar) {
        if (scalar.isNull() || scalar.isBoolean()) {
            return scalar.deepCopy();
        }
        String text = scalar.asText();
        if (scalar.isTextual() && DIGEST.matcher(text).matches()) {
            return scalar.deepCopy();
        }
        String masked = text(text);
        return scalar.isTextual() || !masked.equals(text) ? JSON.textNode(masked) : scalar.deepCopy();
    }
}
