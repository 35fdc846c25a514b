package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 item 3: every personal identifier of a record is checked, whatever the subject kind: the legal
 * representative's certificate of a company as much as a natural person's, each by its certificate type.
 */
class CertificatesTest {

    /** Valid GB 11643 numbers (check characters computed, birth dates real). */
    private static final String VALID_ID = "11010519491231002X";
    private static final String WRONG_CHECK = "110105194912310021";

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, 11010519491231002X",
        "RESIDENT_ID, 11010519491231002x",
        "PASSPORT, E12345678",
        "PASSPORT, 123456789",
        "HK_MACAO_PERMIT, H12345678",
        "HK_MACAO_PERMIT, M1234567890",
        "TAIWAN_PERMIT, 12345678",
        "TAIWAN_PERMIT, 1234567890",
        "FOREIGN_PERMANENT_RESIDENT, USA330719850101",
        "OTHER, 军官证第123号" })
    void acceptsEachTypeInItsOwnFormat(CertificateType type, String number) {
        assertThat(Certificates.check("subject.legalRepresentativeIdNumber", type, number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, 110105194912310021, ID_NUMBER_CHECK, check character should be 'X' but is '1'",
        "RESIDENT_ID, 110105194913310021, ID_NUMBER_BIRTH_DATE, birth date 19491331 is not a real date",
        "RESIDENT_ID, 110105209912310029, ID_NUMBER_BIRTH_DATE, is in the future",
        "RESIDENT_ID, 1101051949, ID_NUMBER_FORMAT, expected 18 characters",
        "PASSPORT, E12, CERTIFICATE_FORMAT, 护照 (PASSPORT): expected 5 to 17 letters and digits, got 'E12'",
        "HK_MACAO_PERMIT, A12345678, CERTIFICATE_FORMAT, H or M and 8 or 10 digits",
        "TAIWAN_PERMIT, 1234567, CERTIFICATE_FORMAT, 8 or 10 digits",
        "FOREIGN_PERMANENT_RESIDENT, 91010519491231002X, ID_NUMBER_CHECK, check character",
        "HMT_RESIDENCE_PERMIT, 110105194912310021, CERTIFICATE_FORMAT, region must be 81, 82 or 83" })
    void rejectsWithTheFieldAndRuleNamed(CertificateType type, String number, String rule, String message) {
        List<Violation> found = Certificates.check("subject.legalRepresentativeIdNumber", type, number);

        assertThat(found).filteredOn(Violation::isError).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("subject.legalRepresentativeIdNumber", rule));
        assertThat(found.get(0).message()).contains(message);
    }

    @Test
    void aCompanysLegalRepresentativeWithAnInvalidIdNumberIsAnError() {
        HubRecord licence = SampleRecords.licence(); // a LEGAL_PERSON subject
        Subject s = licence.subject();
        HubRecord bad = withSubject(licence, new Subject(s.name(), s.kind(), s.creditCode(), null, null,
                s.legalRepresentative(), CertificateType.RESIDENT_ID, WRONG_CHECK));
        HubRecord good = withSubject(licence, new Subject(s.name(), s.kind(), s.creditCode(), null, null,
                s.legalRepresentative(), null, VALID_ID));

        assertThat(RecordValidator.validate(bad)).filteredOn(Violation::isError)
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("subject.legalRepresentativeIdNumber", Rules.ID_NUMBER_CHECK));
        assertThat(RecordValidator.validate(good)).filteredOn(Violation::isError).isEmpty();
    }

    @Test
    void theSubjectsOwnNumberIsCheckedWhateverItsKind() {
        HubRecord licence = SampleRecords.licence();
        Subject s = licence.subject();
        HubRecord business = withSubject(licence, new Subject(s.name(), SubjectKind.INDIVIDUAL_BUSINESS,
                s.creditCode(), null, WRONG_CHECK, null, null, null));
        HubRecord passport = withSubject(licence, new Subject(s.name(), s.kind(), s.creditCode(),
                CertificateType.PASSPORT, "E12345678", null, null, null));

        assertThat(RecordValidator.validate(business)).filteredOn(Violation::isError)
                .extracting(Violation::field).containsExactly("subject.idNumber");
        assertThat(RecordValidator.validate(passport)).filteredOn(Violation::isError).isEmpty();
    }

    @Test
    void typesAreReadByNameOrChineseName() {
        assertThat(CertificateType.of("身份证")).contains(CertificateType.RESIDENT_ID);
        assertThat(CertificateType.of(" 居民身份证 ")).contains(CertificateType.RESIDENT_ID);
        assertThat(CertificateType.of("护照")).contains(CertificateType.PASSPORT);
        assertThat(CertificateType.of("ｐａｓｓｐｏｒｔ")).contains(CertificateType.PASSPORT);
        assertThat(CertificateType.of("驾驶证")).isEmpty();
    }

    private static HubRecord withSubject(HubRecord r, Subject s) {
        return new HubRecord(r.identity(), r.category(), r.recordType(), r.status(), r.urgent(), s, r.document(),
                r.times(), r.body(), r.flags());
    }
}
