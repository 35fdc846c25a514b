package org.onex.hub.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an alert says as a message code and arguments, so that the console renders it in the reader's language
 * through the message bundles ({@code alert.text.<code>} in messages.properties, zh, and messages_en.properties).
 * Each argument keeps its type in a prefix, so that the console writes a time in Asia/Shanghai, a due time as
 * {@code 24:00}, a code by its label and a department by its name: {@code t:} an instant, {@code d:} a due
 * instant, {@code e:<Type>.<CODE>} an enum constant, {@code u:} a unit's code, {@code r:} a policy rule ID,
 * {@code s:} text as it is. The plain Chinese and English messages are still stored beside it for the API.
 */
public record AlertText(String code, List<String> args) {

    public AlertText {
        args = List.copyOf(args);
    }

    public static Builder of(String code) {
        return new Builder(code);
    }

    /** Collects the typed arguments in the order the bundle's {@code {0}}, {@code {1}} … use them. */
    public static final class Builder {
        private final String code;
        private final List<String> args = new ArrayList<>();

        private Builder(String code) {
            this.code = code;
        }

        public Builder time(Instant at) {
            return add("t:", at);
        }

        public Builder deadline(Instant due) {
            return add("d:", due);
        }

        public Builder label(Enum<?> value) {
            return add("e:", value == null ? null : value.getDeclaringClass().getSimpleName() + "." + value.name());
        }

        /** A code kept as text, labelled as {@code enum.<type>.<code>}. */
        public Builder label(String type, String code) {
            return add("e:", code == null ? null : type + "." + code);
        }

        public Builder unit(String code) {
            return add("u:", code);
        }

        public Builder rule(String ruleId) {
            return add("r:", ruleId);
        }

        public Builder text(Object value) {
            return add("s:", value);
        }

        public AlertText build() {
            return new AlertText(code, args);
        }

        private Builder add(String prefix, Object value) {
            args.add(value == null ? "s:—" : prefix + value);
            return this;
        }
    }
}
