package org.onex.hub.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.IdNumbers;
import org.onex.hub.schema.LongTermDates;
import org.onex.hub.schema.Violation;

/**
 * One compiled line of a mapping: read a value, translate it through a code list, convert its type.
 * {@code target} is an envelope path ({@code subject.name}) or {@code body.<NAME>}.
 */
record FieldRule(String target, ValueSource source, ValueType type, CodeList codes, boolean required,
        Object defaultValue, LongTermDates longTerm) {

    FieldRule(String target, ValueSource source, ValueType type, CodeList codes, boolean required, Object defaultValue) {
        this(target, source, type, codes, required, defaultValue, LongTermDates.DEFAULT);
    }

    /**
     * Result of applying the rule to a row: the value, or the violation that explains why not; {@code warnings}
     * of a value that was accepted (a legacy 15-digit ID number).
     */
    record Applied(Object value, Violation violation, List<Violation> warnings) {
        Applied(Object value, Violation violation) {
            this(value, violation, List.of());
        }
    }

    Applied apply(Map<String, Object> row, RowContext ctx, ZoneId zone) {
        Object raw;
        try {
            raw = source.read(row, ctx);
        } catch (RuntimeException e) {
            return new Applied(null, Violation.error(target, Rules.MAPPING_EXPRESSION, e.getMessage()));
        }
        if (raw instanceof String s) {
            raw = s.trim();
            Violation unsafe = unsafeText((String) raw);
            if (unsafe != null) {
                return new Applied(null, unsafe);
            }
        }
        if (RowContext.blank(raw)) {
            raw = defaultValue;
        }
        if (RowContext.blank(raw)) {
            return required ? new Applied(null, Violation.error(target, org.onex.hub.schema.Rules.REQUIRED,
                    target + " is required but " + describe() + " is empty")) : new Applied(null, null);
        }
        if (codes != null) {
            String translated = codes.translate(String.valueOf(raw));
            if (translated == null) {
                return new Applied(null, Violation.error(target, Rules.MAPPING_CODE_UNKNOWN, "value '" + raw
                        + "' of " + describe() + " is not in code list " + codes.describe()));
            }
            raw = translated;
        }
        try {
            Object value = type.convert(raw, zone, longTerm);
            if (type == ValueType.ID_NUMBER) {
                // a resident ID number in a body field is checked like the subject's
                List<Violation> found = IdNumbers.check(target, (String) value);
                Violation error = found.stream().filter(Violation::isError).findFirst().orElse(null);
                return error != null ? new Applied(null, error) : new Applied(value, null, found);
            }
            return new Applied(value, null);
        } catch (RuntimeException e) {
            return new Applied(null, Violation.error(target, Rules.MAPPING_TYPE, "cannot read " + describe()
                    + " value '" + raw + "' as " + type.name().toLowerCase() + ": " + e.getMessage()));
        }
    }

    /** A value a spreadsheet would run as a formula, or no spreadsheet cell could hold. */
    private Violation unsafeText(String value) {
        if (CellText.isFormula(value)) {
            return Violation.error(target, Rules.FORMULA_CELL, describe() + " starts with a formula character ("
                    + CellText.quote(value) + "): not stored, a spreadsheet would run it as a formula");
        }
        if (value.length() > CellText.MAX_CHARS) {
            return Violation.error(target, Rules.VALUE_TOO_LONG, describe() + " has " + value.length()
                    + " characters, more than a spreadsheet cell holds (" + CellText.MAX_CHARS + ")");
        }
        return null;
    }

    private String describe() {
        return source.describe();
    }

    /** A named or inline code list. */
    record CodeList(String name, Map<String, String> entries) {
        String translate(String code) {
            return entries.get(code.trim());
        }

        String describe() {
            return (name == null ? "" : name + " ") + entries.keySet();
        }
    }
}
