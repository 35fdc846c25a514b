package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onex.hub.schema.CertificateType;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;

/**
 * Issue 12 items 2 and 3 on a source in the shape county systems have: Chinese column names, four date layouts,
 * 长期 in the validity column, a legal representative's certificate type and number, and an ID number in a body
 * field mapped with {@code type: idNumber}. Every row that cannot be read is quarantined with its field named.
 */
class ChineseSourceMappingTest {

    private static final Instant EXTRACTED = Instant.parse("2026-11-20T01:00:00Z");
    private static final String REP_ID = "11010519491231002X";
    private static final String CONTACT_ID = "330723199001011239";

    private static CompiledMapping mapping;

    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("licences.yaml"), """
                department: wsjj
                feed: licences
                category: C2
                recordType: LICENCE
                sourceKey: { column: 许可编号 }
                fields:
                  subject.name:                        { column: 企业名称, required: true }
                  subject.kind:                        { constant: LEGAL_PERSON }
                  subject.creditCode:                  { column: 统一社会信用代码 }
                  subject.legalRepresentative:         { column: 法定代表人 }
                  subject.legalRepresentativeIdType:   { column: 法定代表人证件类型, codes: certificate-types }
                  subject.legalRepresentativeIdNumber: { column: 法定代表人证件号码 }
                  document.number:                     { column: 许可编号, required: true }
                  document.decisionDate:               { column: 发证日期, required: true }
                  document.validFrom:                  { column: 有效期起 }
                  document.validTo:                    { column: 有效期至 }
                  body.XK_LXR_ZJHM:                    { column: 联系人身份证号, type: idNumber }
                  body.XK_LXDH:                        { column: 联系电话 }
                """);
        mapping = MappingFixtures.compiler().compile(file);
    }

    private static Map<String, Object> row(String decided, String validTo) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("许可编号", "JY13307230001234");
        row.put("企业名称", "武义示例食品贸易有限公司");
        row.put("统一社会信用代码", "91330723MA2K7Q3L98");
        row.put("法定代表人", "张某");
        row.put("法定代表人证件类型", "001");
        row.put("法定代表人证件号码", REP_ID);
        row.put("发证日期", decided);
        row.put("有效期起", decided);
        row.put("有效期至", validTo);
        row.put("联系人身份证号", CONTACT_ID);
        row.put("联系电话", "13812345678");
        return row;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05 | 长期", "2024/3/5 | 长期有效", "2024年3月5日 | ' 永久 '", "20240305 | 永久有效",
        "2024-03-05 | 无期限", "2024/3/5 | 无固定期限", "2024年3月5日 | 长\u3000期", "20240305 | 2099-12-31" })
    void fourDateLayoutsAndEveryLongTermWordGiveOneEnvelope(String decided, String validTo) {
        MappingResult result = mapping.apply(row(decided, validTo), EXTRACTED);

        assertThat(result.violations()).isEmpty();
        HubRecord r = result.record();
        assertThat(r.document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.document().validFrom()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.document().validTo()).isEqualTo(Document.LONG_TERM);
        assertThat(r.document().longTerm()).isTrue();
        assertThat(r.subject().legalRepresentativeIdType()).isEqualTo(CertificateType.RESIDENT_ID);
        assertThat(r.subject().legalRepresentativeIdNumber()).isEqualTo(REP_ID);
        assertThat(r.body()).containsEntry("XK_LXR_ZJHM", CONTACT_ID);
    }

    @Test
    void anUnreadableValidityIsQuarantinedWithItsField() {
        MappingResult result = mapping.apply(row("2024-03-05", "长期待定"), EXTRACTED);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("document.validTo", Rules.MAPPING_TYPE));
        assertThat(result.errors().get(0).message()).contains("column 有效期至", "'长期待定'", "长期有效");
    }

    @Test
    void aLegalRepresentativesInvalidIdNumberIsQuarantinedNamingTheField() {
        Map<String, Object> bad = row("2024-03-05", "长期");
        bad.put("法定代表人证件号码", "110105194912310021"); // check character should be X

        MappingResult result = mapping.apply(bad, EXTRACTED);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("subject.legalRepresentativeIdNumber", "ID_NUMBER_CHECK"));
        assertThat(result.errors().get(0).message()).isEqualTo("check character should be 'X' but is '1'");
    }

    @Test
    void aPassportOfTheLegalRepresentativeIsAcceptedByType() {
        Map<String, Object> passport = row("2024-03-05", "长期");
        passport.put("法定代表人证件类型", "002");
        passport.put("法定代表人证件号码", "E12345678");

        MappingResult result = mapping.apply(passport, EXTRACTED);

        assertThat(result.violations()).isEmpty();
        assertThat(result.record().subject().legalRepresentativeIdType()).isEqualTo(CertificateType.PASSPORT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "330723199001011230 | ID_NUMBER_CHECK", "330723199002301239 | ID_NUMBER_BIRTH_DATE",
        "3307231990 | ID_NUMBER_FORMAT" })
    void aBodyFieldOfTypeIdNumberIsCheckedToo(String number, String rule) {
        Map<String, Object> bad = row("2024-03-05", "长期");
        bad.put("联系人身份证号", number);

        MappingResult result = mapping.apply(bad, EXTRACTED);

        assertThat(result.errors()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("body.XK_LXR_ZJHM", rule));
    }

    @Test
    void aLegacy15DigitNumberInABodyFieldIsAcceptedAndFlagged() {
        Map<String, Object> legacy = row("2024-03-05", "长期");
        legacy.put("联系人身份证号", "330723900101123");

        MappingResult result = mapping.apply(legacy, EXTRACTED);

        assertThat(result.valid()).isTrue();
        assertThat(result.record().flags()).contains("ID_NUMBER_LEGACY_15");
    }
}
