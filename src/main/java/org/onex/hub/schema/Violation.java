package org.onex.hub.schema;

/**
 * One failed rule on one field. {@code rule} is a stable code (e.g. {@code CREDIT_CODE_CHECK}) that
 * operators filter quarantine by; {@code message} says what is wrong in words.
 */
public record Violation(String field, String rule, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    public static Violation error(String field, String rule, String message) {
        return new Violation(field, rule, Severity.ERROR, message);
    }

    public static Violation warning(String field, String rule, String message) {
        return new Violation(field, rule, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
