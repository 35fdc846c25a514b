package org.onex.hub.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The envelope fields a mapping may write, with the value type each one takes. */
enum Target {
    SUBJECT_NAME("subject.name", ValueType.STRING),
    SUBJECT_KIND("subject.kind", ValueType.SUBJECT_KIND),
    SUBJECT_CREDIT_CODE("subject.creditCode", ValueType.STRING),
    SUBJECT_ID_TYPE("subject.idType", ValueType.CERTIFICATE_TYPE),
    SUBJECT_ID_NUMBER("subject.idNumber", ValueType.STRING),
    SUBJECT_LEGAL_REPRESENTATIVE("subject.legalRepresentative", ValueType.STRING),
    SUBJECT_LEGAL_REPRESENTATIVE_ID_TYPE("subject.legalRepresentativeIdType", ValueType.CERTIFICATE_TYPE),
    SUBJECT_LEGAL_REPRESENTATIVE_ID_NUMBER("subject.legalRepresentativeIdNumber", ValueType.STRING),
    DOCUMENT_NUMBER("document.number", ValueType.STRING),
    DOCUMENT_TITLE("document.title", ValueType.STRING),
    DOCUMENT_DECISION_DATE("document.decisionDate", ValueType.DATE),
    DOCUMENT_VALID_FROM("document.validFrom", ValueType.DATE),
    DOCUMENT_VALID_TO("document.validTo", ValueType.DATE),
    DOCUMENT_AUTHORITY("document.authority", ValueType.STRING),
    DOCUMENT_AUTHORITY_CREDIT_CODE("document.authorityCreditCode", ValueType.STRING),
    DOCUMENT_MATTER_CODE("document.matterCode", ValueType.STRING),
    TIMES_DECIDED_AT("times.decidedAt", ValueType.DATETIME),
    TIMES_SOURCE_UPDATED_AT("times.sourceUpdatedAt", ValueType.DATETIME),
    STATUS("status", ValueType.STATUS),
    URGENT("urgent", ValueType.BOOLEAN),
    RECORD_TYPE("recordType", ValueType.RECORD_TYPE);

    private final String path;
    private final ValueType type;

    Target(String path, ValueType type) {
        this.path = path;
        this.type = type;
    }

    String path() {
        return path;
    }

    ValueType type() {
        return type;
    }

    static Optional<Target> byPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
