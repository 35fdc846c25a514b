package org.onex.hub.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.onex.hub.masking.MaskKind;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field rule of the sharing policy for a consumer role: what it sees of the fields {@link #path} covers.
 * The first rule (in file order) that covers a field and {@link #applies applies} to the record decides; a field
 * no rule decides is removed (default deny).
 *
 * @param path       the fields it covers
 * @param action     allow, mask or deny
 * @param mask       the masking for {@link Action#MASK}, else null
 * @param when       conditions on the record, all of which must hold (e.g. {@code subject.kind} is
 *                   NATURAL_PERSON); empty: always
 * @param categories the categories it is for; empty: all
 * @param line       its line in the policy file, for messages
 */
public record FieldRule(FieldPath path, Action action, MaskKind mask, List<Condition> when, Set<Category> categories,
        int line) {

    /** What a consumer sees of a field. */
    public enum Action {
        ALLOW, MASK, DENY
    }

    /**
     * Holds when the record's value at {@code path} is one of {@code values}, or is absent and {@code absent}
     * is true.
     */
    public record Condition(List<String> path, Set<String> values, boolean absent) {
        public Condition {
            path = List.copyOf(path);
            values = Set.copyOf(values);
        }

        boolean holds(JsonNode record) {
            JsonNode node = record;
            for (String segment : path) {
                node = node.path(segment);
            }
            if (node.isMissingNode() || node.isNull()) {
                return absent;
            }
            return node.isValueNode() && values.contains(node.asText());
        }
    }

    public FieldRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        if ((action == Action.MASK) != (mask != null)) {
            throw new IllegalArgumentException("a mask kind goes with action MASK and only with it");
        }
        when = List.copyOf(when);
        categories = Set.copyOf(categories);
    }

    /** Whether this rule is for a record of {@code category} with this content. */
    boolean applies(JsonNode record, Category category) {
        return (categories.isEmpty() || categories.contains(category)) && when.stream().allMatch(c -> c.holds(record));
    }
}
