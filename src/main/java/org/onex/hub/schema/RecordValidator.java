package org.onex.hub.schema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an envelope against the rules of schema v1 beyond its JSON shape: category consistency
 * (R-CATEGORIES), the fields decisions of C2 and C3 need for R-APPROVAL-NOTICE and R-PENALTY-FEEDBACK, the
 * subject's identifiers (credit code; every certificate number, the legal representative's too, by its type),
 * date ranges and money. Field names are dotted envelope paths
 * ({@code subject.creditCode}, {@code document.validTo}, {@code body.CF_NR_FK}).
 */
public final class RecordValidator {

    /** Subject kinds that are registered with a unified social credit code. */
    private static final Set<SubjectKind> NEEDS_CREDIT_CODE = EnumSet.of(SubjectKind.LEGAL_PERSON,
            SubjectKind.NON_LEGAL_PERSON_ORG, SubjectKind.INDIVIDUAL_BUSINESS);

    /** Decisions (licences, penalties …) that must name the counterpart and the document. */
    private static final Set<Category> DECISIONS = EnumSet.of(Category.C2, Category.C3);

    private RecordValidator() {
    }

    /** All violations of the record, errors and warnings; an empty list means valid. */
    public static List<Violation> validate(HubRecord r) {
        List<Violation> out = new ArrayList<>();
        checkCategory(r, out);
        Subject subject = r.subject();
        Document document = r.document();
        if (r.category() != null && DECISIONS.contains(r.category())) {
            requireText(out, "subject.name", subject == null ? null : subject.name());
            requireText(out, "document.number", document == null ? null : document.number());
            if (document == null || document.decisionDate() == null) {
                out.add(Violation.error("document.decisionDate", Rules.REQUIRED,
                        "a " + r.category() + " decision needs its decision date"));
            }
        }
        if (subject != null) {
            checkSubject(subject, out);
        }
        if (document != null) {
            checkDocument(document, out);
        }
        if (r.body() != null) {
            checkMoney("body", r.body(), out);
        }
        return out;
    }

    /** True when {@link #validate} finds no error. */
    public static boolean isValid(HubRecord r) {
        return validate(r).stream().noneMatch(Violation::isError);
    }

    private static void checkCategory(HubRecord r, List<Violation> out) {
        if (r.category() == null) {
            out.add(Violation.error("category", Rules.REQUIRED, "category is missing"));
        }
        if (r.recordType() == null) {
            out.add(Violation.error("recordType", Rules.REQUIRED, "record type is missing"));
        }
        if (r.status() == null) {
            out.add(Violation.error("status", Rules.REQUIRED, "status is missing"));
        }
        if (r.category() != null && r.recordType() != null && r.category() != r.recordType().category()) {
            Category expected = r.recordType().category();
            out.add(Violation.error("category", Rules.CATEGORY_MISMATCH, "record type " + r.recordType()
                    + " belongs to " + expected + " (" + expected.zh() + "), got " + r.category()));
        }
    }

    private static void checkSubject(Subject s, List<Violation> out) {
        boolean hasCode = s.creditCode() != null && !s.creditCode().isBlank();
        if (s.kind() != null && NEEDS_CREDIT_CODE.contains(s.kind()) && !hasCode) {
            out.add(Violation.error("subject.creditCode", Rules.REQUIRED,
                    "a " + s.kind() + " (" + s.kind().zh() + ") needs its unified social credit code"));
        } else if (hasCode) {
            out.addAll(CreditCodes.check("subject.creditCode", s.creditCode()));
        }
        // every personal identifier is checked whatever the subject kind: a company's legal
        // representative with an invalid ID number is quarantined, not stored silently
        if (s.idNumber() != null && !s.idNumber().isBlank()) {
            out.addAll(Certificates.check("subject.idNumber", s.idType(), s.idNumber()));
        }
        if (s.legalRepresentativeIdNumber() != null && !s.legalRepresentativeIdNumber().isBlank()) {
            out.addAll(Certificates.check("subject.legalRepresentativeIdNumber", s.legalRepresentativeIdType(),
                    s.legalRepresentativeIdNumber()));
        }
    }

    private static void checkDocument(Document d, List<Violation> out) {
        if (d.decisionDate() != null && d.decisionDate().equals(Document.LONG_TERM)) {
            out.add(Violation.error("document.decisionDate", Rules.DECISION_DATE_LONG_TERM,
                    "a decision date cannot be long-term (长期 = " + Document.LONG_TERM + ")"));
        }
        if (d.authorityCreditCode() != null && !d.authorityCreditCode().isBlank()) {
            out.addAll(CreditCodes.check("document.authorityCreditCode", d.authorityCreditCode()));
        }
        if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            out.add(Violation.error("document.validTo", Rules.VALIDITY_RANGE,
                    "valid to " + d.validTo() + " is before valid from " + d.validFrom()));
        }
        if (d.decisionDate() != null && d.validTo() != null && d.decisionDate().isAfter(d.validTo())) {
            out.add(Violation.error("document.decisionDate", Rules.DECISION_AFTER_VALIDITY,
                    "decision date " + d.decisionDate() + " is after valid to " + d.validTo()));
        }
    }

    /** Walks nested maps and lists of the body so that money anywhere in it is checked. */
    private static void checkMoney(String path, Object value, List<Violation> out) {
        if (value instanceof Money m) {
            if (m.amount() == null || m.unit() == null) {
                out.add(Violation.error(path + (m.amount() == null ? ".amount" : ".unit"), Rules.REQUIRED,
                        "money needs both an amount and a unit"));
            } else if (m.amount().signum() < 0) {
                out.add(Violation.error(path, Rules.MONEY_NEGATIVE,
                        "amount " + m.amount().toPlainString() + m.unit().zh() + " is negative"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkMoney(path + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkMoney(path + "[" + i + "]", list.get(i), out);
            }
        }
    }

    private static void requireText(List<Violation> out, String field, String value) {
        if (value == null || value.isBlank()) {
            out.add(Violation.error(field, Rules.REQUIRED, field + " is required for a decision"));
        }
    }
}
