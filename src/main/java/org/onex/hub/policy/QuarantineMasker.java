package org.onex.hub.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.onex.hub.mapping.ColumnUse;
import org.onex.hub.masking.MaskKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Masks a quarantined source row for a client not entitled to see it raw, by what each column
 * means rather than what it is called. A column's mask, in this order:
 * <ol>
 * <li>what the feed's mapping makes of it: a column mapped to an envelope field is masked as the client's role
 * sees that field in records (its first field rule: {@code mask} by its kind, {@code allow} as text,
 * {@code deny} or no rule starred entirely); a column mapped with {@code type: idNumber} as an ID number. A
 * rule's {@code when} conditions are not evaluated (the raw row is no record), so a conditional mask masks;</li>
 * <li>for a column no mapping names, the policy's {@code quarantine.columns} patterns;</li>
 * <li>every other value as text ({@link Masking#maskText}): an ID or mobile number is masked by its shape
 * whatever its column.</li>
 * </ol>
 * Returns a new tree.
 */
final class QuarantineMasker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QuarantineMasker() {
    }

    static JsonNode mask(JsonNode rawRow, SharingPolicy policy) {
        return mask(rawRow, policy, null, List.of());
    }

    static JsonNode mask(JsonNode rawRow, SharingPolicy policy, Role role, List<ColumnUse> uses) {
        Map<String, List<ColumnUse>> byColumn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // as the mapping reads
        for (ColumnUse u : uses) {
            byColumn.computeIfAbsent(u.column(), c -> new java.util.ArrayList<>()).add(u);
        }
        List<FieldRule> rules = policy.fieldRules(role);
        if (!rawRow.isObject()) {
            return mask(rawRow, Mask.TEXT, policy);
        }
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : rawRow.properties()) {
            List<ColumnUse> meaning = byColumn.get(e.getKey());
            Mask m = meaning != null ? byMeaning(meaning, rules)
                    : policy.quarantineColumnMask(e.getKey()).map(Mask::of).orElse(null);
            out.set(e.getKey(), mask(e.getValue(), m, policy));
        }
        return out;
    }

    /** The strictest mask of the envelope fields a column becomes. */
    private static Mask byMeaning(List<ColumnUse> uses, List<FieldRule> rules) {
        Mask strictest = Mask.TEXT;
        for (ColumnUse u : uses) {
            Mask m = u.idNumber() ? Mask.of(MaskKind.ID_NUMBER) : asInRecords(u.target(), rules);
            if (m.ordinal() < strictest.ordinal()) {
                strictest = m;
            }
        }
        return strictest;
    }

    private static Mask asInRecords(String target, List<FieldRule> rules) {
        List<String> path = List.of(target.split("\\."));
        Optional<FieldRule> rule = rules.stream().filter(r -> r.path().covers(path)).findFirst();
        if (rule.isEmpty() || rule.get().action() == FieldRule.Action.DENY) {
            return Mask.STARRED; // the role does not see the field in records: not in the raw row either
        }
        return rule.get().action() == FieldRule.Action.MASK ? Mask.of(rule.get().mask()) : Mask.TEXT;
    }

    /** {@code columnMask}: the mask of the enclosing column, if any (it covers nested values too). */
    private static JsonNode mask(JsonNode node, Mask columnMask, SharingPolicy policy) {
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Mask m = columnMask != null ? columnMask
                        : policy.quarantineColumnMask(e.getKey()).map(Mask::of).orElse(null);
                out.set(e.getKey(), mask(e.getValue(), m, policy));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(mask(item, columnMask, policy)));
            return out;
        }
        Mask m = columnMask != null ? columnMask : Mask.TEXT;
        if (m == Mask.STARRED) {
            return node.isNull() ? node : JSON.textNode("*".repeat(node.asText().codePointCount(0,
                    node.asText().length())));
        }
        return FieldMasker.mask(node, m.kind);
    }

    /** Masks from strictest to weakest: a column that becomes several fields gets the strictest. */
    private enum Mask {
        STARRED(null), ID_NUMBER(MaskKind.ID_NUMBER), PHONE(MaskKind.PHONE), PERSON_NAME(MaskKind.PERSON_NAME),
        TEXT(MaskKind.TEXT);

        private final MaskKind kind;

        Mask(MaskKind kind) {
            this.kind = kind;
        }

        static Mask of(MaskKind kind) {
            return valueOf(kind.name().toUpperCase(Locale.ROOT));
        }
    }
}
