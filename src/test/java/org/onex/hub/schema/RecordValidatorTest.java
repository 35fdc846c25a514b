package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.schema.Violation.Severity;

/** Envelope rules: category consistency, what decisions need, identifiers, dates and money. */
class RecordValidatorTest {

    static Stream<HubRecord> samples() {
        return SampleRecords.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void realisticRecordsAreValid(HubRecord r) {
        assertThat(RecordValidator.validate(r)).isEmpty();
        assertThat(RecordValidator.isValid(r)).isTrue();
    }

    static Stream<Arguments> broken() {
        HubRecord licence = SampleRecords.licence();
        HubRecord penalty = SampleRecords.penalty();
        HubRecord person = SampleRecords.personPenalty();
        return Stream.of(
                args("licence filed under C3", licence, r -> category(r, Category.C3),
                        err("category", Rules.CATEGORY_MISMATCH)),
                args("no category", licence, r -> category(r, null), err("category", Rules.REQUIRED)),
                args("no record type", licence, r -> new HubRecord(r.identity(), r.category(), null, r.status(),
                        r.urgent(), r.subject(), r.document(), r.times(), r.body(), r.flags()),
                        err("recordType", Rules.REQUIRED)),
                args("no status", licence, r -> new HubRecord(r.identity(), r.category(), r.recordType(), null,
                        r.urgent(), r.subject(), r.document(), r.times(), r.body(), r.flags()),
                        err("status", Rules.REQUIRED)),
                args("C2 without subject name", licence, r -> subject(r, "name", null),
                        err("subject.name", Rules.REQUIRED)),
                args("C3 with blank subject name", penalty, r -> subject(r, "name", "  "),
                        err("subject.name", Rules.REQUIRED)),
                args("C3 without subject", penalty, r -> withSubject(r, null), err("subject.name", Rules.REQUIRED)),
                args("C2 without document number", licence, r -> document(r, "number", null),
                        err("document.number", Rules.REQUIRED)),
                args("C3 without decision date", penalty, r -> document(r, "decisionDate", null),
                        err("document.decisionDate", Rules.REQUIRED)),
                args("C2 without document", licence, r -> withDocument(r, null),
                        err("document.number", Rules.REQUIRED), err("document.decisionDate", Rules.REQUIRED)),
                args("legal person without credit code", licence, r -> subject(r, "creditCode", null),
                        err("subject.creditCode", Rules.REQUIRED)),
                args("individual business with blank credit code", penalty, r -> subject(r, "creditCode", ""),
                        err("subject.creditCode", Rules.REQUIRED)),
                args("non-legal-person org without credit code", licence, r -> withSubject(r,
                        new Subject("武义县某协会", SubjectKind.NON_LEGAL_PERSON_ORG, null, null, null)),
                        err("subject.creditCode", Rules.REQUIRED)),
                args("credit code with wrong check character", licence,
                        r -> subject(r, "creditCode", "91330723MA2HQ8B77X"),
                        err("subject.creditCode", Rules.CREDIT_CODE_CHECK)),
                args("credit code too short", penalty, r -> subject(r, "creditCode", "92330723MA2J1K4N1"),
                        err("subject.creditCode", Rules.CREDIT_CODE_FORMAT)),
                args("credit code whose inner organisation code fails", licence, r -> subject(r, "creditCode",
                        "91350100M000100Y5" + CreditCodes.checkCharacter("91350100M000100Y5")),
                        tuple("subject.creditCode", Rules.ORG_CODE_CHECK, Severity.WARNING)),
                args("natural person with wrong ID check character", person,
                        r -> subject(r, "idNumber", "330723199001011230"),
                        err("subject.idNumber", Rules.ID_NUMBER_CHECK)),
                args("natural person with legacy 15-digit ID", person, r -> subject(r, "idNumber", "330723900101123"),
                        tuple("subject.idNumber", Rules.ID_NUMBER_LEGACY_15, Severity.WARNING)),
                args("natural person with impossible birth date", person,
                        r -> subject(r, "idNumber", "330723199002301231"),
                        err("subject.idNumber", Rules.ID_NUMBER_BIRTH_DATE),
                        err("subject.idNumber", Rules.ID_NUMBER_CHECK)),
                args("authority credit code with wrong check", penalty,
                        r -> document(r, "authorityCreditCode", "11330723002584636M"),
                        err("document.authorityCreditCode", Rules.CREDIT_CODE_CHECK)),
                args("validity ends before it starts", licence, r -> document(r, "validTo", LocalDate.of(2024, 3, 4)),
                        err("document.validTo", Rules.VALIDITY_RANGE),
                        err("document.decisionDate", Rules.DECISION_AFTER_VALIDITY)),
                args("decided after the validity ended", penalty,
                        r -> document(r, "decisionDate", LocalDate.of(2025, 4, 11)),
                        err("document.decisionDate", Rules.DECISION_AFTER_VALIDITY)),
                args("negative fine", penalty, r -> body(r, "CF_NR_FK", money("-1.5", Money.MoneyUnit.WAN_YUAN)),
                        err("body.CF_NR_FK", Rules.MONEY_NEGATIVE)),
                args("negative money nested in a list", penalty,
                        r -> body(r, "items", List.of(Map.of("fee", money("-3", Money.MoneyUnit.YUAN)))),
                        err("body.items[0].fee", Rules.MONEY_NEGATIVE)),
                args("money without amount", penalty, r -> body(r, "CF_NR_WFFF", money(null, Money.MoneyUnit.WAN_YUAN)),
                        err("body.CF_NR_WFFF.amount", Rules.REQUIRED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenRecordsReportFieldAndRule(String name, HubRecord record, Tuple[] expected) {
        assertThat(RecordValidator.validate(record))
                .extracting(Violation::field, Violation::rule, Violation::severity)
                .containsExactlyInAnyOrder(expected);
        boolean anyError = Stream.of(expected).anyMatch(t -> t.toList().get(2) == Severity.ERROR);
        assertThat(RecordValidator.isValid(record)).isEqualTo(!anyError);
    }

    @Test
    void categoryMismatchMessageNamesTheExpectedCategory() {
        assertThat(RecordValidator.validate(category(SampleRecords.licence(), Category.C3)))
                .extracting(Violation::message).containsExactly("record type LICENCE belongs to C2 (部门决定), got C3");
    }

    @Test
    void naturalPersonWithoutIdNumberAndStatisticWithoutSubjectAreValid() {
        assertThat(RecordValidator.validate(subject(SampleRecords.personPenalty(), "idNumber", null))).isEmpty();
        assertThat(RecordValidator.validate(SampleRecords.statistic())).isEmpty();
    }

    private static Arguments args(String name, HubRecord base, UnaryOperator<HubRecord> change, Tuple... expected) {
        return Arguments.of(name, change.apply(base), expected);
    }

    private static Money money(String amount, Money.MoneyUnit unit) {
        return new Money(amount == null ? null : new BigDecimal(amount), unit);
    }

    private static Tuple err(String field, String rule) {
        return tuple(field, rule, Severity.ERROR);
    }

    private static HubRecord category(HubRecord r, Category c) {
        return new HubRecord(r.identity(), c, r.recordType(), r.status(), r.urgent(), r.subject(), r.document(),
                r.times(), r.body(), r.flags());
    }

    private static HubRecord withSubject(HubRecord r, Subject s) {
        return new HubRecord(r.identity(), r.category(), r.recordType(), r.status(), r.urgent(), s, r.document(),
                r.times(), r.body(), r.flags());
    }

    private static HubRecord withDocument(HubRecord r, Document d) {
        return new HubRecord(r.identity(), r.category(), r.recordType(), r.status(), r.urgent(), r.subject(), d,
                r.times(), r.body(), r.flags());
    }

    private static HubRecord subject(HubRecord r, String component, String value) {
        Subject s = r.subject();
        return withSubject(r, new Subject(component.equals("name") ? value : s.name(), s.kind(),
                component.equals("creditCode") ? value : s.creditCode(),
                component.equals("idNumber") ? value : s.idNumber(), s.legalRepresentative()));
    }

    private static HubRecord document(HubRecord r, String component, Object value) {
        Document d = r.document();
        return withDocument(r, new Document(component.equals("number") ? (String) value : d.number(), d.title(),
                component.equals("decisionDate") ? (LocalDate) value : d.decisionDate(), d.validFrom(),
                component.equals("validTo") ? (LocalDate) value : d.validTo(), d.authority(),
                component.equals("authorityCreditCode") ? (String) value : d.authorityCreditCode(), d.matterCode()));
    }

    private static HubRecord body(HubRecord r, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(r.body());
        body.put(key, value);
        return new HubRecord(r.identity(), r.category(), r.recordType(), r.status(), r.urgent(), r.subject(),
                r.document(), r.times(), body, r.flags());
    }
}
