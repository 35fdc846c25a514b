package org.onex.hub.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onex.hub.masking.MaskKind;
import org.onex.hub.masking.ValueMasker;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies a role's field rules to a record and returns the consumer's copy; the input is never changed, so the
 * same stored record can be shown to several roles. Decides per scalar field: the first rule that covers it and
 * applies to the record wins; no rule means the field is removed (default deny). An object or list that held
 * fields and lost all of them is removed too, so a consumer does not learn that a denied section was there.
 */
final class FieldMasker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldMasker() {
    }

    /**
     * @param byValue whether the role gets the value-kind masking too ({@link ValueMasker}): an allowed field whose
     *                value is or holds an ID or mobile number (a document number, a source key) is masked as text
     *               ; false only for the roles of the policy's {@code unmasked}
     */
    static ObjectNode view(JsonNode record, Category category, List<FieldRule> rules, boolean byValue) {
        if (!byValue && allowsAll(category, rules)) {
            return ((ObjectNode) record).deepCopy(); // what the walk below would build, field by field
        }
        List<FieldRule> applicable = rules.stream().filter(r -> r.applies(record, category)).toList();
        JsonNode out = object((ObjectNode) record, new ArrayList<>(), applicable, byValue);
        return out == null ? JSON.objectNode() : (ObjectNode) out;
    }

    /**
     * Whether these rules show every field of every record of {@code category}, whatever the record holds: the first
     * rule for the category has no condition, allows, and covers every field ({@code path: "*"}).
     */
    static boolean allowsAll(Category category, List<FieldRule> rules) {
        for (FieldRule rule : rules) {
            if (rule.categories().isEmpty() || rule.categories().contains(category)) {
                return rule.when().isEmpty() && rule.action() == FieldRule.Action.ALLOW
                        && rule.path().segments().equals(List.of("*"));
            }
        }
        return false;
    }

    private static JsonNode object(ObjectNode in, List<String> path, List<FieldRule> rules, boolean byValue) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : in.properties()) {
            path.add(field.getKey());
            JsonNode value = node(field.getValue(), path, rules, byValue);
            path.remove(path.size() - 1);
            if (value != null) {
                out.set(field.getKey(), value);
            }
        }
        return keep(out, in, path, rules);
    }

    /** The consumer's copy of one node at {@code path}, or null when nothing of it may be shown. */
    private static JsonNode node(JsonNode in, List<String> path, List<FieldRule> rules, boolean byValue) {
        if (in.isObject()) {
            return object((ObjectNode) in, path, rules, byValue);
        }
        if (in.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode item : in) {
                JsonNode value = node(item, path, rules, byValue);
                if (value != null) {
                    out.add(value);
                }
            }
            return keep(out, in, path, rules);
        }
        FieldRule rule = decide(path, rules);
        if (rule == null || rule.action() == FieldRule.Action.DENY) {
            return null;
        }
        if (rule.action() == FieldRule.Action.ALLOW) {
            return byValue ? ValueMasker.scalar(in) : in.deepCopy();
        }
        JsonNode masked = mask(in, rule.mask());
        return byValue && masked.isTextual() ? ValueMasker.scalar(masked) : masked;
    }

    /** A filtered container: dropped when it lost all its content, or when it was empty and no rule shows it. */
    private static JsonNode keep(JsonNode out, JsonNode in, List<String> path, List<FieldRule> rules) {
        if (!out.isEmpty()) {
            return out;
        }
        if (!in.isEmpty()) {
            return null;
        }
        FieldRule rule = decide(path, rules);
        return rule == null || rule.action() == FieldRule.Action.DENY ? null : out;
    }

    private static FieldRule decide(List<String> path, List<FieldRule> rules) {
        return rules.stream().filter(r -> r.path().covers(path)).findFirst().orElse(null);
    }

    /** Text is masked as text; a number or boolean only if masking its text form changes it (a phone as a number). */
    static JsonNode mask(JsonNode scalar, MaskKind kind) {
        if (scalar.isNull()) {
            return scalar;
        }
        String text = scalar.asText();
        String masked = kind.apply(text);
        return scalar.isTextual() || !masked.equals(text) ? JSON.textNode(masked) : scalar.deepCopy();
    }
}
