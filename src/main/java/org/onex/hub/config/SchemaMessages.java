package org.onex.hub.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.onex.hub.config.ConfigException.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Turns a networknt {@link ValidationMessage} into a {@link Problem} worded for the people who
 * edit the YAML: {@code required property 'code' is missing}, {@code 'C9' is not one of C1..C7},
 * {@code must be a list but is text 'C1'}, {@code unknown property 'nameCn' (allowed: …)}.
 * Keywords without a wording of their own keep networknt's text minus its location prefix.
 */
final class SchemaMessages {

    private static final Pattern NUMBERED = Pattern.compile("(\\D*)(\\d+)");

    private SchemaMessages() {
    }

    static Problem problem(YamlDocument doc, ValidationMessage m, JsonNode schemaTree) {
        String at = pointer(m.getInstanceLocation());
        JsonNode value = m.getInstanceNode();
        JsonNode rule = m.getSchemaNode();
        return switch (m.getType()) {
            case "required" -> doc.problem(at, "required property '" + m.getProperty() + "' is missing");
            case "additionalProperties", "unevaluatedProperties" -> unknownKey(doc, at, m, schemaTree);
            case "enum" -> doc.problem(at, show(value) + " is not one of " + choices(rule));
            case "const" -> doc.problem(at, show(value) + " must be " + show(rule));
            case "type" -> doc.problem(at, "must be " + expected(rule) + " but is " + describe(value));
            case "pattern" -> doc.problem(at, show(value) + " does not match the pattern " + rule.asText());
            case "uniqueItems" -> duplicateItem(doc, at, value);
            case "minLength" -> doc.problem(at, rule.asInt() == 1 ? "must not be empty"
                    : "must be at least " + rule.asInt() + " characters long");
            default -> {
                String text = m.getMessage();
                String prefix = m.getInstanceLocation() + ": ";
                yield doc.problem(at, text.startsWith(prefix) ? text.substring(prefix.length()) : text);
            }
        };
    }

    /** Points at the unknown key itself (not its parent) and lists the keys the schema allows. */
    private static Problem unknownKey(YamlDocument doc, String at, ValidationMessage m, JsonNode schemaTree) {
        String allowed = allowedKeys(m, schemaTree);
        return doc.problem(at + YamlDocument.pointer(m.getProperty()),
                "unknown property '" + m.getProperty() + "'" + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")"));
    }

    /** JSON pointer of a networknt path, whatever path type it was built with. */
    static String pointer(JsonNodePath path) {
        Object[] segments = new Object[path.getNameCount()];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = path.getElement(i);
        }
        return YamlDocument.pointer(segments);
    }

    private static Problem duplicateItem(YamlDocument doc, String at, JsonNode list) {
        for (int j = 1; j < list.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (list.get(i).equals(list.get(j))) {
                    return doc.problem(at + "/" + j, show(list.get(j)) + " is listed twice (also at "
                            + doc.key(at + "/" + i) + ")");
                }
            }
        }
        return doc.problem(at, "must not list the same value twice");
    }

    /** The keys the object's schema declares, found beside the {@code additionalProperties} keyword. */
    private static String allowedKeys(ValidationMessage m, JsonNode schemaTree) {
        String keyword = pointer(m.getSchemaLocation().getFragment());
        String objectSchema = keyword.substring(0, Math.max(keyword.lastIndexOf('/'), 0));
        List<String> keys = new ArrayList<>();
        schemaTree.at(objectSchema + "/properties").fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }

    /** {@code C1..C7} for a run of numbered values, else the values separated by commas. */
    static String choices(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(v.isTextual() ? v.asText() : v.toString()));
        if (all.size() >= 3 && isRun(all)) {
            return all.get(0) + ".." + all.get(all.size() - 1);
        }
        return String.join(", ", all);
    }

    private static boolean isRun(List<String> values) {
        String prefix = null;
        long previous = 0;
        for (String v : values) {
            Matcher m = NUMBERED.matcher(v);
            if (!m.matches() || m.group(2).length() > 9 || (prefix != null && !prefix.equals(m.group(1)))) {
                return false;
            }
            long n = Long.parseLong(m.group(2));
            if (prefix != null && n != previous + 1) {
                return false;
            }
            prefix = m.group(1);
            previous = n;
        }
        return true;
    }

    private static String expected(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(typeName(t.asText())));
            return names.stream().collect(Collectors.joining(" or "));
        }
        return typeName(type.asText());
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "empty";
            default -> jsonType;
        };
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "empty";
        } else if (value.isObject()) {
            return "a mapping";
        } else if (value.isArray()) {
            return "a list";
        } else if (value.isTextual()) {
            return "text " + show(value);
        } else if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        return "the number " + value.asText();
    }

    private static String show(JsonNode value) {
        if (value == null) {
            return "the value";
        }
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }
}
