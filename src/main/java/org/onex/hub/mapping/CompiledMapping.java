package org.onex.hub.mapping;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.RecordValidator;
import org.onex.hub.schema.Violation;

/**
 * A mapping file compiled for one department feed. Stateless and thread-safe: {@link #apply} builds
 * everything it needs per row.
 */
public final class CompiledMapping {

    private final Path file;
    private final String department;
    private final String feed;
    private final Category category;
    private final RecordType recordType;
    private final String sourceSystem;
    private final ValueSource sourceKey;
    private final List<FieldRule> fields;
    private final CamelContext camel;
    private final ZoneId zone;

    CompiledMapping(Path file, String department, String feed, Category category, RecordType recordType,
            String sourceSystem, ValueSource sourceKey, List<FieldRule> fields, CamelContext camel) {
        this.file = file;
        this.department = department;
        this.feed = feed;
        this.category = category;
        this.recordType = recordType;
        this.sourceSystem = sourceSystem;
        this.sourceKey = sourceKey;
        this.fields = List.copyOf(fields);
        this.camel = camel;
        this.zone = HubDates.ZONE;
    }

    public String department() {
        return department;
    }

    public String feed() {
        return feed;
    }

    public Category category() {
        return category;
    }

    public RecordType recordType() {
        return recordType;
    }

    public Path file() {
        return file;
    }

    /** Column names the mapping reads (for checks that a source provides them). */
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        collect(sourceKey, names);
        fields.forEach(f -> collect(f.source(), names));
        return names.stream().distinct().toList();
    }

    /**
     * Every source column with the envelope path it becomes: columns read directly, as part of a composite key,
     * or inside a Simple expression as {@code ${body[COLUMN]}} (the expression's value is the target's).
     */
    public List<ColumnUse> columnUses() {
        List<ColumnUse> uses = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        collectAll(sourceKey, keyColumns);
        keyColumns.forEach(c -> uses.add(new ColumnUse(c, "identity.sourceKey", false)));
        for (FieldRule f : fields) {
            List<String> names = new ArrayList<>();
            collectAll(f.source(), names);
            names.forEach(c -> uses.add(new ColumnUse(c, f.target(), f.type() == ValueType.ID_NUMBER)));
        }
        return List.copyOf(uses);
    }

    private static final java.util.regex.Pattern BODY_REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{body\\[\\s*['\"]?([^\\]'\"]+?)['\"]?\\s*\\]");

    private static void collectAll(ValueSource s, List<String> names) {
        collect(s, names);
        if (s instanceof ValueSource.Simple simple) {
            java.util.regex.Matcher m = BODY_REFERENCE.matcher(simple.text());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
    }

    private static void collect(ValueSource s, List<String> names) {
        if (s instanceof ValueSource.Column c) {
            names.add(c.name());
        } else if (s instanceof ValueSource.Columns c) {
            names.addAll(c.names());
        }
    }

    /** Maps and validates one source row. Column names are matched case-insensitively. */
    public MappingResult apply(Map<String, Object> sourceRow, Instant extractedAt) {
        Map<String, Object> row = caseInsensitive(sourceRow);
        RowContext ctx = new RowContext(camel);
        List<Violation> violations = new ArrayList<>();
        String key = readKey(row, ctx, violations);
        RecordDraft draft = new RecordDraft(category, recordType);
        for (FieldRule rule : fields) {
            FieldRule.Applied applied = rule.apply(row, ctx, zone);
            violations.addAll(applied.warnings());
            if (applied.violation() != null) {
                violations.add(applied.violation());
            } else if (applied.value() != null) {
                draft.set(rule.target(), applied.value());
            }
        }
        if (violations.stream().anyMatch(Violation::isError)) {
            return new MappingResult(null, key, violations);
        }
        HubRecord record = draft.build(department, feed, sourceSystem, key, extractedAt, List.of());
        violations.addAll(RecordValidator.validate(record));
        if (violations.stream().anyMatch(Violation::isError)) {
            return new MappingResult(null, key, violations);
        }
        List<String> flags = violations.stream().map(Violation::rule).distinct().toList();
        return new MappingResult(draft.build(department, feed, sourceSystem, key, extractedAt, flags), key, violations);
    }

    private static Map<String, Object> caseInsensitive(Map<String, Object> sourceRow) {
        if (sourceRow instanceof TreeMap<String, Object> t && t.comparator() == String.CASE_INSENSITIVE_ORDER) {
            return t; // SourceRows already reads JDBC rows this way
        }
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(sourceRow);
        return row;
    }

    private String readKey(Map<String, Object> row, RowContext ctx, List<Violation> violations) {
        Object value;
        try {
            value = sourceKey.read(row, ctx);
        } catch (RuntimeException e) {
            violations.add(Violation.error("sourceKey", Rules.MAPPING_EXPRESSION, e.getMessage()));
            return null;
        }
        if (RowContext.blank(value)) {
            violations.add(Violation.error("sourceKey", Rules.SOURCE_KEY_MISSING,
                    "the row has no source key (" + sourceKey.describe() + " is empty)"));
            return null;
        }
        return String.valueOf(value).trim();
    }
}
