package org.onex.hub.schema;

/**
 * The administrative counterpart (行政相对人). {@code idNumber} is personal data: every egress
 * masks it unless the consumer is entitled to see it.
 */
public record Subject(String name, SubjectKind kind, String creditCode, String idNumber, String legalRepresentative) {
}
