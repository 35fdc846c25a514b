package org.onex.hub.schema;

/**
 * The administrative counterpart (行政相对人). {@code idNumber} is the certificate number of a natural person
 * (自然人证件号码, of type {@code idType}; none means a resident ID); {@code legalRepresentative} is the name of
 * the legal representative or responsible person (法定代表人/负责人) of an organisation or business, with the
 * type and number of their certificate (法定代表人证件类型/证件号码, 双公示 XK_FR_ZJLX / XK_FR_ZJHM). Every number
 * is checked by its type whatever the subject kind ({@link RecordValidator}); all of them are personal data that
 * every egress masks unless the consumer is entitled to see it.
 */
public record Subject(String name, SubjectKind kind, String creditCode, CertificateType idType, String idNumber,
        String legalRepresentative, CertificateType legalRepresentativeIdType, String legalRepresentativeIdNumber) {

    /** A subject without certificate types and without the legal representative's certificate. */
    public Subject(String name, SubjectKind kind, String creditCode, String idNumber, String legalRepresentative) {
        this(name, kind, creditCode, null, idNumber, legalRepresentative, null, null);
    }
}
