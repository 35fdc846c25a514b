package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.onex.hub.mapping.MappingFixtures.approvalRow;
import static org.onex.hub.mapping.MappingFixtures.licenceRow;
import static org.onex.hub.mapping.MappingFixtures.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Identity;
import org.onex.hub.schema.RecordStatus;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.Subject;
import org.onex.hub.schema.SubjectKind;
import org.onex.hub.schema.Violation;

/** Applying the real scjgj/licences and zrzyj/approvals mappings to source rows: envelope values and violations. */
class CompiledMappingTest {

    private static final Instant EXTRACTED = Instant.parse("2024-03-06T01:00:00Z");
    /** Start of 2024-03-05 in Asia/Shanghai. */
    private static final Instant MARCH_5_SHANGHAI = Instant.parse("2024-03-04T16:00:00Z");

    private static CompiledMapping licences;
    private static CompiledMapping approvals;

    @BeforeAll
    static void compile() {
        MappingCompiler compiler = MappingFixtures.compiler();
        licences = compiler.compile(MappingFixtures.LICENCES);
        approvals = compiler.compile(MappingFixtures.APPROVALS);
    }

    private static HubRecord valid(CompiledMapping mapping, Map<String, Object> row) {
        MappingResult result = mapping.apply(row, EXTRACTED);
        assertThat(result.violations()).as("violations").isEmpty();
        assertThat(result.valid()).isTrue();
        return result.record();
    }

    @Test
    void mapsALicenceRowToTheEnvelope() {
        HubRecord r = valid(licences, licenceRow());

        assertThat(r.identity()).isEqualTo(Identity.source("scjgj", "licences", "市场监管行政许可系统", "武市监许〔2024〕101号"));
        assertThat(r.category()).isEqualTo(Category.C2);
        assertThat(r.recordType()).isEqualTo(RecordType.LICENCE);
        assertThat(r.status()).isEqualTo(RecordStatus.VALID);
        assertThat(r.urgent()).isFalse();
        assertThat(r.subject()).isEqualTo(new Subject("武义示例食品贸易有限公司", SubjectKind.LEGAL_PERSON,
                "91330723MA2K7Q3L98", null, "张某"));
        assertThat(r.document()).isEqualTo(new Document("武市监许〔2024〕101号", "食品经营许可决定书",
                LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5), LocalDate.of(2099, 12, 31), "武义县市场监督管理局",
                "11330723002543308J", null));
        assertThat(r.document().longTerm()).isTrue();
        assertThat(r.times().decidedAt()).isEqualTo(MARCH_5_SHANGHAI);
        assertThat(r.times().sourceUpdatedAt()).isEqualTo(Instant.parse("2024-03-05T02:20:30Z"));
        assertThat(r.times().extractedAt()).isEqualTo(EXTRACTED);
        assertThat(r.times().storedAt()).isNull();
        assertThat(r.body()).containsExactlyInAnyOrderEntriesOf(Map.of("XK_XKLB", "普通", "XK_XKZS", "食品经营许可证",
                "XK_XKBH", "JY13307230000101", "XK_NR", "预包装食品销售", "XK_LYDW", "武义县市场监督管理局"));
        assertThat(r.flags()).isEmpty();
    }

    @ParameterizedTest(name = "XK_XKLB {0} -> {1}")
    @CsvSource({ "01, 普通", "02, 特许", "03, 认可", "04, 核准", "05, 登记", "06, 其他", "' 03 ', 认可" })
    void translatesLicenceKinds(String code, String kind) {
        assertThat(valid(licences, with(licenceRow(), "XK_XKLB", code)).body()).containsEntry("XK_XKLB", kind);
    }

    @ParameterizedTest(name = "XK_XDR_LB {0} -> {1}")
    @CsvSource({ "01, NATURAL_PERSON", "02, LEGAL_PERSON", "03, NON_LEGAL_PERSON_ORG", "04, INDIVIDUAL_BUSINESS" })
    void translatesSubjectKinds(String code, SubjectKind kind) {
        assertThat(valid(licences, with(licenceRow(), "XK_XDR_LB", code)).subject().kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "XK_ZT {0} -> {1}")
    @CsvSource(value = { "1, VALID", "2, REVOKED", "NULL, VALID", "'', VALID" }, nullValues = "NULL")
    void translatesLicenceStatusWithValidAsDefault(String code, RecordStatus status) {
        Map<String, Object> row = code == null ? with(licenceRow(), "XK_ZT", null) : with(licenceRow(), "XK_ZT", code);

        assertThat(valid(licences, row).status()).isEqualTo(status);
    }

    static Stream<Arguments> decisionDates() {
        return Stream.of(Arguments.of("2024-03-05"), Arguments.of("2024/3/5"), Arguments.of("2024年3月5日"),
                Arguments.of("20240305"), Arguments.of(" 2024-03-05 "), Arguments.of(LocalDate.of(2024, 3, 5)),
                Arguments.of(java.sql.Date.valueOf("2024-03-05")), Arguments.of(LocalDateTime.of(2024, 3, 5, 23, 59)),
                Arguments.of(20240305));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionDates")
    void decidedAtIsTheStartOfTheDecisionDayInShanghai(Object xkJdrq) {
        HubRecord r = valid(licences, with(licenceRow(), "XK_JDRQ", xkJdrq));

        assertThat(r.document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.times().decidedAt()).isEqualTo(MARCH_5_SHANGHAI);
    }

    @Test
    void matchesColumnNamesCaseInsensitively() {
        Map<String, Object> lower = new LinkedHashMap<>();
        licenceRow().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));

        assertThat(valid(licences, lower)).isEqualTo(valid(licences, licenceRow()));
    }

    @Test
    void mapsAnApprovalRowWithASimpleExpressionTitle() {
        HubRecord r = valid(approvals, approvalRow());

        assertThat(r.identity().sourceKey()).isEqualTo("武自然资规〔2024〕11号");
        assertThat(r.recordType()).isEqualTo(RecordType.APPROVAL);
        assertThat(r.subject()).isEqualTo(new Subject("武义示例置业有限公司", SubjectKind.LEGAL_PERSON,
                "91330723MA2KCX8T20", null, "赵某"));
        assertThat(r.document().title()).isEqualTo("关于示例产业园一期的批复");
        assertThat(r.document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.document().validTo()).isNull();
        assertThat(r.times().decidedAt()).isEqualTo(MARCH_5_SHANGHAI);
        assertThat(r.times().sourceUpdatedAt()).isEqualTo(Instant.parse("2024-03-05T08:30:00Z"));
        assertThat(r.status()).isEqualTo(RecordStatus.VALID);
        assertThat(r.urgent()).isFalse();
        assertThat(r.body()).containsExactlyInAnyOrderEntriesOf(Map.of("XMMC", "示例产业园一期", "SPLX", "建设项目用地预审"));
    }

    @Test
    void simpleExpressionsReadLowerCaseColumnsToo() {
        Map<String, Object> lower = new LinkedHashMap<>();
        approvalRow().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));

        HubRecord r = valid(approvals, lower);

        assertThat(r.document().title()).isEqualTo("关于示例产业园一期的批复");
        assertThat(r).isEqualTo(valid(approvals, approvalRow()));
    }

    @ParameterizedTest(name = "JJBZ {0} -> urgent {1}")
    @CsvSource(value = { "1, true", "0, false", "是, true", "NULL, false" }, nullValues = "NULL")
    void readsTheUrgentFlag(String jjbz, boolean urgent) {
        assertThat(valid(approvals, with(approvalRow(), "JJBZ", jjbz)).urgent()).isEqualTo(urgent);
    }

    @Test
    void readsUrgentFromANumberAndRevokedFromItsChineseStatus() {
        HubRecord r = valid(approvals, with(approvalRow(), "JJBZ", 1, "ZT", "撤销", "SPLX", "KC"));

        assertThat(r.urgent()).isTrue();
        assertThat(r.status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(r.body()).containsEntry("SPLX", "采矿权审批");
    }

    static Stream<Arguments> invalidRows() {
        return Stream.of(
                Arguments.of("licence kind 09", "licences", with(licenceRow(), "XK_XKLB", "09"),
                        List.of(tuple("body.XK_XKLB", Rules.MAPPING_CODE_UNKNOWN, "value '09' of column XK_XKLB is not"
                                + " in code list licence-kinds [01, 02, 03, 04, 05, 06]"))),
                Arguments.of("subject kind 05", "licences", with(licenceRow(), "XK_XDR_LB", "05"),
                        List.of(tuple("subject.kind", Rules.MAPPING_CODE_UNKNOWN,
                                "value '05' of column XK_XDR_LB is not in code list subject-kinds [01, 02, 03, 04]"))),
                Arguments.of("blank subject name", "licences", with(licenceRow(), "XK_XDR_MC", "  "),
                        List.of(tuple("subject.name", org.onex.hub.schema.Rules.REQUIRED,
                                "subject.name is required but column XK_XDR_MC is empty"))),
                Arguments.of("no document number", "licences", with(licenceRow(), "XK_WSH", null),
                        List.of(tuple("sourceKey", Rules.SOURCE_KEY_MISSING,
                                "the row has no source key (column XK_WSH is empty)"),
                                tuple("document.number", org.onex.hub.schema.Rules.REQUIRED,
                                        "document.number is required but column XK_WSH is empty"))),
                Arguments.of("wrong credit code check character", "licences",
                        with(licenceRow(), "XK_XDR_SHXYM", "91330723MA2K7Q3L99"),
                        List.of(tuple("subject.creditCode", org.onex.hub.schema.Rules.CREDIT_CODE_CHECK,
                                "check character should be '8' but is '9'"))),
                Arguments.of("legal person without credit code", "licences", with(licenceRow(), "XK_XDR_SHXYM", ""),
                        List.of(tuple("subject.creditCode", org.onex.hub.schema.Rules.REQUIRED,
                                "a LEGAL_PERSON (法人) needs its unified social credit code"))),
                Arguments.of("valid to before valid from", "licences", with(licenceRow(), "XK_YXQZI", "2024-03-04"),
                        List.of(tuple("document.validTo", org.onex.hub.schema.Rules.VALIDITY_RANGE,
                                "valid to 2024-03-04 is before valid from 2024-03-05"),
                                tuple("document.decisionDate", org.onex.hub.schema.Rules.DECISION_AFTER_VALIDITY,
                                        "decision date 2024-03-05 is after valid to 2024-03-04"))),
                Arguments.of("month 13", "approvals", with(approvalRow(), "PZRQ", "2024年13月5日"),
                        List.of(tuple("document.decisionDate", Rules.MAPPING_TYPE, "cannot read column PZRQ value"
                                + " '2024年13月5日' as date: '2024年13月5日' is not a real date: Invalid value for"
                                + " MonthOfYear (valid values 1 - 12): 13"))),
                Arguments.of("unknown approval kind", "approvals", with(approvalRow(), "SPLX", "XX"),
                        List.of(tuple("body.SPLX", Rules.MAPPING_CODE_UNKNOWN,
                                "value 'XX' of column SPLX is not in code list approval-kinds [YD, GH, KC]"))),
                Arguments.of("no approval kind", "approvals", with(approvalRow(), "SPLX", null),
                        List.of(tuple("body.SPLX", org.onex.hub.schema.Rules.REQUIRED,
                                "body.SPLX is required but column SPLX is empty"))),
                Arguments.of("urgent flag that is not a boolean", "approvals", with(approvalRow(), "JJBZ", "急"),
                        List.of(tuple("urgent", Rules.MAPPING_TYPE, "cannot read column JJBZ value '急' as boolean:"
                                + " '急' is not a boolean (true/false, 1/0, 是/否)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRows")
    void invalidRowsAreQuarantinedWithTheirViolations(String name, String feed, Map<String, Object> row,
            List<Tuple> expected) {
        MappingResult result = (feed.equals("licences") ? licences : approvals).apply(row, EXTRACTED);

        assertThat(result.valid()).isFalse();
        assertThat(result.record()).isNull();
        assertThat(result.errors()).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void quarantinedRowKeepsItsSourceKey() {
        assertThat(licences.apply(with(licenceRow(), "XK_XKLB", "09"), EXTRACTED).sourceKey())
                .isEqualTo("武市监许〔2024〕101号");
        assertThat(licences.apply(with(licenceRow(), "XK_WSH", " "), EXTRACTED).sourceKey()).isNull();
    }

    @Test
    void warningsKeepTheRowAndBecomeFlags() {
        // valid GB 32100 check character, but the embedded organisation code fails GB 11714
        MappingResult result = licences.apply(with(licenceRow(), "XK_XDR_SHXYM", "91330723MA2K7Q3L0C"), EXTRACTED);

        assertThat(result.valid()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.violations()).containsExactly(Violation.warning("subject.creditCode",
                org.onex.hub.schema.Rules.ORG_CODE_CHECK,
                "organisation code MA2K7Q3L0: check character should be '9' but is '0'"));
        assertThat(result.record().flags()).containsExactly(org.onex.hub.schema.Rules.ORG_CODE_CHECK);
    }

    @Test
    void sameRowAtAnotherExtractionTimeHasTheSameContentHash() {
        HubRecord first = licences.apply(licenceRow(), EXTRACTED).record();
        HubRecord again = licences.apply(licenceRow(), EXTRACTED.plusSeconds(3600)).record();
        HubRecord changed = licences.apply(with(licenceRow(), "XK_ZT", "2"), EXTRACTED).record();

        assertThat(again.times().extractedAt()).isNotEqualTo(first.times().extractedAt());
        assertThat(HubJson.contentHash(again)).isEqualTo(HubJson.contentHash(first)).hasSize(64);
        assertThat(HubJson.contentHash(changed)).isNotEqualTo(HubJson.contentHash(first));
    }

    @Test
    void compositeKeysConstantsTypedBodyFieldsAndFailingExpressions(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("inspections.yaml"), """
                department: scjgj
                feed: inspections
                category: C5
                recordType: INSPECTION_RECORD
                sourceKey: { columns: [JCBH, XH] }
                fields:
                  subject.name: { column: DXMC, required: true }
                  document.title: { expr: "${body[JCNR].substring(0, 4)}" }
                  urgent: { constant: true }
                  document.decisionDate: { column: JCRQ, type: date }
                  body.JCRQ: { column: JCRQ, type: date }
                  body.FKJE: { column: FKJE, type: decimal }
                """);
        CompiledMapping inspections = MappingFixtures.compiler().compile(file);

        MappingResult ok = inspections.apply(Map.of("jcbh", " JC-7 ", "xh", 2, "dxmc", "武义示例商店",
                "jcnr", "消防检查记录", "jcrq", "2024年3月5日", "fkje", "1,200.50"), EXTRACTED);
        MappingResult partKey = inspections.apply(Map.of("JCBH", "JC-7", "DXMC", "武义示例商店", "JCNR", "消防检查记录"),
                EXTRACTED);
        MappingResult shortText = inspections.apply(Map.of("JCBH", "JC-7", "XH", 3, "DXMC", "武义示例商店",
                "JCNR", "消防"), EXTRACTED);

        assertThat(ok.sourceKey()).isEqualTo("JC-7|2");
        assertThat(ok.record().document().title()).isEqualTo("消防检查");
        assertThat(ok.record().urgent()).isTrue();
        assertThat(ok.record().document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ok.record().body()).containsExactlyInAnyOrderEntriesOf(Map.of("JCRQ", LocalDate.of(2024, 3, 5),
                "FKJE", new java.math.BigDecimal("1200.50")));
        assertThat(partKey.errors()).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("sourceKey", Rules.SOURCE_KEY_MISSING,
                        "the row has no source key (columns [JCBH, XH] is empty)"));
        assertThat(shortText.errors()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("document.title", Rules.MAPPING_EXPRESSION));
    }
}
