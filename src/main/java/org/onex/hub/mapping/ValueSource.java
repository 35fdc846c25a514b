package org.onex.hub.mapping;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/** Where a mapped value comes from: a source column, a Camel Simple expression, or a constant. */
sealed interface ValueSource {

    Object read(Map<String, Object> row, RowContext ctx);

    /** How the source is named in error messages. */
    String describe();

    /** A column of the source row (looked up case-insensitively: PostgreSQL folds names to lower case). */
    record Column(String name) implements ValueSource {
        @Override
        public Object read(Map<String, Object> row, RowContext ctx) {
            return row.get(name);
        }

        @Override
        public String describe() {
            return "column " + name;
        }
    }

    /** Several columns joined with '|' (composite source keys). */
    record Columns(List<String> names) implements ValueSource {
        @Override
        public Object read(Map<String, Object> row, RowContext ctx) {
            if (names.stream().anyMatch(n -> RowContext.blank(row.get(n)))) {
                return null;
            }
            return names.stream().map(n -> String.valueOf(row.get(n)).trim()).collect(Collectors.joining("|"));
        }

        @Override
        public String describe() {
            return "columns " + names;
        }
    }

    /** A Camel Simple expression evaluated with the row as the message body, e.g. {@code ${body[XK_NR]}}. */
    record Simple(String text, Expression expression) implements ValueSource {
        @Override
        public Object read(Map<String, Object> row, RowContext ctx) {
            Exchange exchange = ctx.exchange(row);
            Object value = expression.evaluate(exchange, Object.class);
            if (exchange.getException() != null) {
                throw new IllegalArgumentException("expression " + text + " failed: "
                        + exchange.getException().getMessage());
            }
            return value;
        }

        @Override
        public String describe() {
            return "expression " + text;
        }
    }

    record Constant(Object value) implements ValueSource {
        @Override
        public Object read(Map<String, Object> row, RowContext ctx) {
            return value;
        }

        @Override
        public String describe() {
            return "constant";
        }
    }
}
