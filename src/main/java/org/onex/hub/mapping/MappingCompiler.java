package org.onex.hub.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.apache.camel.spi.Language;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.SchemaCheck;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.LongTermDates;
import org.onex.hub.schema.RecordType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles {@code mappings/<dept>/<feed>.yaml} into a {@link CompiledMapping}. Reports every problem of
 * a file at once, each with file, line, key and reason: schema violations, unknown targets, unknown
 * code lists, code values that do not fit an enum target, and Simple expressions that do not parse.
 */
public final class MappingCompiler {

    private static final SchemaCheck SCHEMA = SchemaCheck.ofResource("schema/config/mapping.schema.json");

    /**
     * The entry of {@code mappings/_codelists.yaml} that lists the words of long-term validity (长期 …): a list of
     * words, read as the code list word → 2099-12-31. Absent: {@link LongTermDates#DEFAULT}.
     */
    public static final String LONG_TERM_DATES = "long-term-dates";

    private final CamelContext camel;
    private final Map<String, Map<String, String>> sharedCodeLists;
    private final LongTermDates longTerm;

    public MappingCompiler(CamelContext camel, Map<String, Map<String, String>> sharedCodeLists) {
        this.camel = camel;
        this.sharedCodeLists = sharedCodeLists;
        Map<String, String> words = sharedCodeLists.get(LONG_TERM_DATES);
        this.longTerm = words == null ? LongTermDates.DEFAULT : LongTermDates.of(List.copyOf(words.keySet()));
    }

    /**
     * Reads the shared code lists ({@code mappings/_codelists.yaml}); empty if the file does not exist. A list
     * of words (only {@link #LONG_TERM_DATES}) becomes the code list word → {@link Document#LONG_TERM}.
     */
    public static Map<String, Map<String, String>> loadCodeLists(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        YamlDocument doc = YamlDocument.load(file);
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        doc.root().fields().forEachRemaining(e -> lists.put(e.getKey(), e.getValue().isArray()
                ? longTermCodes(e.getValue()) : codes(e.getValue())));
        return lists;
    }

    private static Map<String, String> longTermCodes(JsonNode words) {
        Map<String, String> entries = new LinkedHashMap<>();
        words.forEach(w -> entries.put(w.asText(), Document.LONG_TERM.toString()));
        return Collections.unmodifiableMap(entries);
    }

    public CompiledMapping compile(Path file) {
        YamlDocument doc = YamlDocument.load(file);
        SCHEMA.check(doc);
        JsonNode root = doc.root();
        List<Problem> problems = new ArrayList<>();
        Category category = Category.valueOf(root.get("category").asText());
        RecordType recordType = enumValue(doc, "/recordType", RecordType.class, problems);
        if (recordType != null && recordType.category() != category) {
            problems.add(doc.problem("/recordType", "record type " + recordType + " belongs to "
                    + recordType.category() + ", not to " + category + " (R-CATEGORIES)"));
        }
        Map<String, Map<String, String>> localLists = new LinkedHashMap<>();
        root.path("codeLists").fields().forEachRemaining(e -> localLists.put(e.getKey(), codes(e.getValue())));
        ValueSource key = source(doc, "/sourceKey", root.get("sourceKey"), problems);
        List<FieldRule> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("fields").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            FieldRule rule = field(doc, e.getKey(), e.getValue(), localLists, problems);
            if (rule != null) {
                fields.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new CompiledMapping(file, root.get("department").asText(), root.get("feed").asText(), category,
                recordType, root.path("sourceSystem").asText(null), key, fields, camel);
    }

    private FieldRule field(YamlDocument doc, String target, JsonNode spec, Map<String, Map<String, String>> localLists,
            List<Problem> problems) {
        String at = YamlDocument.pointer("fields", target);
        boolean body = target.startsWith("body.") && target.length() > 5;
        ValueType type;
        if (body) {
            type = ValueType.STRING;
        } else {
            Target t = Target.byPath(target).orElse(null);
            if (t == null) {
                problems.add(doc.problem(at, "unknown target '" + target + "': use body.<FIELD> or one of "
                        + java.util.Arrays.stream(Target.values()).map(Target::path).toList()));
                return null;
            }
            type = t.type();
        }
        if (spec.has("type")) {
            ValueType declared = ValueType.parse(spec.get("type").asText());
            if (!body && declared != type) {
                // the envelope field holds its own type: any other would fail every row with a ClassCastException
                problems.add(doc.problem(at + "/type", target + " takes " + typeName(type) + " values; type: "
                        + spec.get("type").asText() + " is only for body.<FIELD> targets"));
            } else {
                type = declared;
            }
        }
        FieldRule.CodeList codes = null;
        if (spec.has("codes")) {
            codes = codeList(doc, at + "/codes", spec.get("codes"), localLists, problems);
            if (codes != null) {
                checkCodesFitType(doc, at + "/codes", codes, type, problems);
            }
        }
        Object dflt = spec.has("default") ? scalar(spec.get("default")) : null;
        if (dflt != null && (codes != null || !spec.has("codes"))) {
            checkDefault(doc, at + "/default", dflt, codes, type, problems);
        }
        return new FieldRule(target, source(doc, at, spec, problems), type, codes,
                spec.path("required").asBoolean(false), dflt, longTerm);
    }

    private ValueSource source(YamlDocument doc, String at, JsonNode spec, List<Problem> problems) {
        if (spec.has("column")) {
            return new ValueSource.Column(spec.get("column").asText());
        }
        if (spec.has("columns")) {
            List<String> names = new ArrayList<>();
            spec.get("columns").forEach(n -> names.add(n.asText()));
            return new ValueSource.Columns(names);
        }
        if (spec.has("constant")) {
            return new ValueSource.Constant(scalar(spec.get("constant")));
        }
        String text = spec.get("expr").asText();
        try {
            Language simple = camel.resolveLanguage("simple");
            Expression expression = simple.createExpression(text);
            expression.init(camel);
            return new ValueSource.Simple(text, expression);
        } catch (RuntimeException e) {
            // Camel's message continues with the expression and a caret line; one problem is one line
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            problems.add(doc.problem(at + "/expr", "Simple expression '" + text + "' does not parse: " + reason));
            return new ValueSource.Constant(null);
        }
    }

    private FieldRule.CodeList codeList(YamlDocument doc, String at, JsonNode node,
            Map<String, Map<String, String>> localLists, List<Problem> problems) {
        if (node.isObject()) {
            return new FieldRule.CodeList(null, codes(node));
        }
        String name = node.asText();
        Map<String, String> entries = localLists.getOrDefault(name, sharedCodeLists.get(name));
        if (entries == null) {
            List<String> known = new ArrayList<>(localLists.keySet());
            known.addAll(sharedCodeLists.keySet());
            problems.add(doc.problem(at, "unknown code list '" + name + "' (known: " + known + ")"));
            return null;
        }
        return new FieldRule.CodeList(name, entries);
    }

    private void checkCodesFitType(YamlDocument doc, String at, FieldRule.CodeList codes, ValueType type,
            List<Problem> problems) {
        for (Map.Entry<String, String> e : codes.entries().entrySet()) {
            try {
                type.convert(e.getValue(), HubDates.ZONE, longTerm);
            } catch (RuntimeException ex) {
                problems.add(doc.problem(at, "code " + e.getKey() + " translates to '" + e.getValue()
                        + "', which is not a valid " + type.name().toLowerCase() + ": " + ex.getMessage()));
            }
        }
    }

    /** A default that is not in the code list or not of the field's type would break every row without a value. */
    private static void checkDefault(YamlDocument doc, String at, Object dflt, FieldRule.CodeList codes, ValueType type,
            List<Problem> problems) {
        if (codes != null) {
            if (codes.translate(String.valueOf(dflt)) == null) {
                problems.add(doc.problem(at, "default '" + dflt + "' is not in code list " + codes.describe()));
            }
            return; // what the codes translate to is checked by checkCodesFitType
        }
        try {
            type.convert(dflt, HubDates.ZONE);
        } catch (RuntimeException e) {
            problems.add(doc.problem(at, "default '" + dflt + "' is not a valid " + typeName(type) + ": "
                    + e.getMessage()));
        }
    }

    private static String typeName(ValueType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumValue(YamlDocument doc, String at, Class<E> type, List<Problem> problems) {
        String text = doc.root().at(at).asText();
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(at, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Map<String, String> codes(JsonNode node) {
        Map<String, String> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asText()));
        // keep the file's order: messages list the codes as the department wrote them
        return Collections.unmodifiableMap(entries);
    }

    private static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }
}
