package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.onex.hub.mapping.MappingFixtures.with;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.ops.DryRunCommand;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.Document;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Identity;
import org.onex.hub.schema.Money;
import org.onex.hub.schema.RecordStatus;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.Subject;
import org.onex.hub.schema.SubjectKind;
import org.onex.hub.schema.Violation;

/**
 * Issue 4: the bureau's case system as a source of C3 records — the real mappings/zhzf/penalties.yaml and
 * coercions.yaml (with the shared code lists) applied to rows of its 双公示 CF_* penalty table and its
 * coercive-measure table: routing fields, money in 万元, penalty kinds, execution status, failing rows.
 */
class BureauMappingsTest {

    private static final Instant EXTRACTED = Instant.parse("2024-03-06T01:00:00Z");
    private static final String SYSTEM = "综合行政执法办案系统";
    private static final String BUREAU = "武义县综合行政执法局";
    private static final String BUREAU_CODE = "11330723002543316D";

    private static CompiledMapping penalties;
    private static CompiledMapping coercions;

    @BeforeAll
    static void compile() {
        MappingCompiler compiler = MappingFixtures.compiler();
        penalties = compiler.compile(MappingFixtures.MAPPINGS.resolve("zhzf/penalties.yaml"));
        coercions = compiler.compile(MappingFixtures.MAPPINGS.resolve("zhzf/coercions.yaml"));
    }

    /** A penalty of a legal person under a matter code, with a fine and confiscated income in 万元. */
    static Map<String, Object> penaltyRow() {
        return with(new LinkedHashMap<>(), "ID", 31, "CF_WSH", "武综执罚决字〔2024〕第00031号",
                "CF_XDR_MC", "武义示例餐饮管理有限公司", "CF_XDR_LB", "02", "CF_XDR_SHXYM", "91330723MA2KG3CX0N",
                "CF_FRDB", "张某", "CF_WFXW", "餐饮油烟未经净化直接排放", "CF_SY", "当事人经营的餐饮店未安装油烟净化设施",
                "CF_YJ", "《中华人民共和国大气污染防治法》第一百一十八条第一款", "CF_CFLB", "21",
                "CF_NR", "罚款人民币0.50万元；没收违法所得人民币0.12万元", "CF_NR_FK", new BigDecimal("0.50"),
                "CF_NR_WFFF", "0.12", "CF_JDRQ", LocalDate.of(2024, 3, 5), "CF_CFJG", BUREAU, "CF_CFJGDM", BUREAU_CODE,
                "CF_ZT", "1", "SXBM", "330723-ZHZF-STHJ-001", "UPDATED_AT", "2024-03-05 10:20:30");
    }

    /** A seizure (扣押) in progress that cites a market supervision licence instead of a matter code. */
    static Map<String, Object> measureRow() {
        return with(new LinkedHashMap<>(), "ID", 4, "QZ_WSH", "武综执强字〔2024〕第00004号",
                "QZ_XDR_MC", "武义示例食品贸易有限公司", "QZ_XDR_LB", "02", "QZ_XDR_SHXYM", "91330723MA2K7Q3L98",
                "QZ_FRDB", "张某", "QZ_CSLB", "03", "QZ_SY", "当事人涉嫌超越许可范围从事经营活动",
                "QZ_YJ", "《中华人民共和国行政强制法》第二十二条", "QZ_DX", "超出许可范围经营的商品一批",
                "QZ_JDRQ", "2024-03-05", "QZ_QSRQ", "2024-03-05", "QZ_JZRQ", "2024-04-04", "QZ_JG", BUREAU,
                "QZ_JGDM", BUREAU_CODE, "ZXZT", "执行中", "XKBH", "JY13307230000101", "UPDATED_AT", "2024-03-05 11:00:00");
    }

    private static HubRecord valid(CompiledMapping mapping, Map<String, Object> row) {
        MappingResult result = mapping.apply(row, EXTRACTED);
        assertThat(result.violations()).as("violations").isEmpty();
        return result.record();
    }

    @Test
    void mapsAPenaltyDecisionWithItsMatterCodeAndAmountsInWanYuan() {
        HubRecord r = valid(penalties, penaltyRow());

        assertThat(r.identity()).isEqualTo(Identity.source("zhzf", "penalties", SYSTEM, "武综执罚决字〔2024〕第00031号"));
        assertThat(r.category()).isEqualTo(Category.C3);
        assertThat(r.recordType()).isEqualTo(RecordType.PENALTY_DECISION);
        assertThat(r.status()).isEqualTo(RecordStatus.VALID);
        assertThat(r.subject()).isEqualTo(new Subject("武义示例餐饮管理有限公司", SubjectKind.LEGAL_PERSON,
                "91330723MA2KG3CX0N", null, "张某"));
        assertThat(r.document()).isEqualTo(new Document("武综执罚决字〔2024〕第00031号", "行政处罚决定书",
                LocalDate.of(2024, 3, 5), null, null, BUREAU, BUREAU_CODE, "330723-ZHZF-STHJ-001"));
        assertThat(r.times().sourceUpdatedAt()).isEqualTo(Instant.parse("2024-03-05T02:20:30Z"));
        assertThat(r.body()).containsExactlyInAnyOrderEntriesOf(Map.of("CF_WFXW", "餐饮油烟未经净化直接排放",
                "CF_SY", "当事人经营的餐饮店未安装油烟净化设施", "CF_YJ", "《中华人民共和国大气污染防治法》第一百一十八条第一款",
                "CF_CFLB", "罚款", "CF_NR", "罚款人民币0.50万元；没收违法所得人民币0.12万元",
                "CF_NR_FK", new Money(new BigDecimal("0.5"), Money.MoneyUnit.WAN_YUAN),
                "CF_NR_WFFF", new Money(new BigDecimal("0.12"), Money.MoneyUnit.WAN_YUAN), "CF_SJLY", BUREAU));
        assertThat(((Money) r.body().get("CF_NR_FK")).inYuan()).isEqualByComparingTo("5000");
        assertThat(HubJson.mapper().valueToTree(r).at("/body/CF_NR_FK").toString())
                .contains("\"amount\":0.5").contains("\"unit\":\"WAN_YUAN\"");
    }

    @Test
    void aNaturalPersonIsIdentifiedByIdNumber() {
        HubRecord r = valid(penalties, with(penaltyRow(), "CF_XDR_MC", "周某", "CF_XDR_LB", "01", "CF_XDR_SHXYM", null,
                "CF_FRDB", null, "CF_XDR_ZJHM", "330723198506120313"));

        assertThat(r.subject()).isEqualTo(new Subject("周某", SubjectKind.NATURAL_PERSON, null, "330723198506120313", null));
    }

    @Test
    void aDecisionWithoutMatterCodeCarriesTheLicenceItConcerns() {
        HubRecord r = valid(penalties, with(penaltyRow(), "SXBM", "", "XKBH", " JY13307230000101 ", "CF_CFLB", "33",
                "CF_NR_FK", null, "CF_NR_WFFF", null, "CF_NR_ZKDX", "食品经营许可证 JY13307230000101"));

        assertThat(r.document().matterCode()).isNull();
        assertThat(r.body()).containsEntry("RELATED_LICENCE_NO", "JY13307230000101")
                .containsEntry("CF_CFLB", "吊销许可证件").containsEntry("CF_NR_ZKDX", "食品经营许可证 JY13307230000101")
                .doesNotContainKeys("CF_NR_FK", "CF_NR_WFFF");
    }

    @ParameterizedTest(name = "CF_CFLB {0} -> {1}")
    @CsvSource({ "11, 警告", "12, 通报批评", "21, 罚款", "22, 没收违法所得", "23, 没收非法财物", "31, 暂扣许可证件",
            "32, 降低资质等级", "33, 吊销许可证件", "41, 限制开展生产经营活动", "42, 责令停产停业", "43, 责令关闭", "44, 限制从业",
            "51, 行政拘留", "61, 法律、行政法规规定的其他行政处罚" })
    void translatesTheKindsOfArticle9(String code, String kind) {
        assertThat(valid(penalties, with(penaltyRow(), "CF_CFLB", code)).body()).containsEntry("CF_CFLB", kind);
    }

    @ParameterizedTest(name = "CF_ZT {0} -> {1}")
    @CsvSource(value = { "1, VALID", "2, REVOKED", "'', VALID" })
    void readsThePenaltyStatus(String code, RecordStatus status) {
        assertThat(valid(penalties, with(penaltyRow(), "CF_ZT", code)).status()).isEqualTo(status);
    }

    @Test
    void mapsACoerciveMeasureWithItsExecutionStatus() {
        HubRecord r = valid(coercions, measureRow());

        assertThat(r.identity()).isEqualTo(Identity.source("zhzf", "coercions", SYSTEM, "武综执强字〔2024〕第00004号"));
        assertThat(r.category()).isEqualTo(Category.C3);
        assertThat(r.recordType()).isEqualTo(RecordType.COERCIVE_MEASURE);
        assertThat(r.subject().creditCode()).isEqualTo("91330723MA2K7Q3L98");
        assertThat(r.document()).isEqualTo(new Document("武综执强字〔2024〕第00004号", "行政强制措施决定书",
                LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 4), BUREAU, BUREAU_CODE, null));
        assertThat(r.body()).containsEntry("QZ_CSLB", "扣押财物").containsEntry("executionStatus", "执行中")
                .containsEntry("RELATED_LICENCE_NO", "JY13307230000101").containsEntry("QZ_DX", "超出许可范围经营的商品一批");
        assertThat(valid(coercions, with(measureRow(), "SXBM", "330723-ZHZF-SCJG-001")).document().matterCode())
                .isEqualTo("330723-ZHZF-SCJG-001");
        assertThat(valid(coercions, with(measureRow(), "ZXZT", null)).body()).containsEntry("executionStatus", "未执行");
    }

    @Test
    void anExecutionStatusUpdateIsANewVersionOfTheSameRecord() {
        HubRecord inProgress = valid(coercions, measureRow());
        HubRecord again = valid(coercions, measureRow());
        HubRecord lifted = valid(coercions, with(measureRow(), "ZXZT", "已解除", "UPDATED_AT", "2024-03-20 09:00:00"));

        assertThat(lifted.identity()).isEqualTo(inProgress.identity());
        assertThat(lifted.body()).containsEntry("executionStatus", "已解除");
        assertThat(HubJson.contentHash(again)).isEqualTo(HubJson.contentHash(inProgress));
        assertThat(HubJson.contentHash(lifted)).isNotEqualTo(HubJson.contentHash(inProgress));
    }

    static Stream<Arguments> failingRows() {
        return Stream.of(
                Arguments.of("a fine written in 元", "penalties", with(penaltyRow(), "CF_NR_FK", "5000元"),
                        List.of(tuple("body.CF_NR_FK", Rules.MAPPING_TYPE, "cannot read column CF_NR_FK value '5000元'"
                                + " as money_wan_yuan: unit '元' in amount '5000元' conflicts with the declared unit"
                                + " 万元 (WAN_YUAN)"))),
                Arguments.of("penalty kind outside Article 9", "penalties", with(penaltyRow(), "CF_CFLB", "15"),
                        List.of(tuple("body.CF_CFLB", Rules.MAPPING_CODE_UNKNOWN, "value '15' of column CF_CFLB is not in"
                                + " code list penalty-kinds [11, 12, 21, 22, 23, 31, 32, 33, 41, 42, 43, 44, 51, 61]"))),
                Arguments.of("no decision date", "penalties", with(penaltyRow(), "CF_JDRQ", null),
                        List.of(tuple("document.decisionDate", org.onex.hub.schema.Rules.REQUIRED,
                                "document.decisionDate is required but column CF_JDRQ is empty"))),
                Arguments.of("natural person with a wrong ID check character", "penalties", with(penaltyRow(),
                        "CF_XDR_LB", "01", "CF_XDR_SHXYM", null, "CF_XDR_ZJHM", "330723198506120314"),
                        List.of(tuple("subject.idNumber", org.onex.hub.schema.Rules.ID_NUMBER_CHECK,
                                "check character should be '3' but is '4'"))),
                Arguments.of("unknown execution status", "coercions", with(measureRow(), "ZXZT", "已完成"),
                        List.of(tuple("body.executionStatus", Rules.MAPPING_CODE_UNKNOWN, "value '已完成' of column ZXZT"
                                + " is not in code list execution-status [未执行, 执行中, 已执行, 已解除]"))),
                Arguments.of("no measure kind", "coercions", with(measureRow(), "QZ_CSLB", " "),
                        List.of(tuple("body.QZ_CSLB", org.onex.hub.schema.Rules.REQUIRED,
                                "body.QZ_CSLB is required but column QZ_CSLB is empty"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingRows")
    void failingRowsAreQuarantinedWithTheirRule(String name, String feed, Map<String, Object> row, List<Tuple> expected) {
        MappingResult result = (feed.equals("penalties") ? penalties : coercions).apply(row, EXTRACTED);

        assertThat(result.valid()).isFalse();
        assertThat(result.sourceKey()).isNotBlank();
        assertThat(result.errors()).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theSampleHasFourValidDecisionsAndAFineWrittenInYuan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = DryRunCommand.run(new String[] { "mappings/zhzf/penalties.yaml", "samples/zhzf-penalties.csv" },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isEqualTo(1);
        assertThat(lines).filteredOn(l -> l.startsWith("row ")).containsExactly(
                "row 1 OK PENALTY_DECISION key=武综执罚决字〔2024〕第00031号",
                "row 2 OK PENALTY_DECISION key=武综执罚决字〔2024〕第00032号",
                "row 3 OK PENALTY_DECISION key=武综执罚决字〔2024〕第00033号",
                "row 4 OK PENALTY_DECISION key=武综执罚决字〔2024〕第00034号",
                "row 5 QUARANTINED key=武综执罚决字〔2024〕第00035号");
        assertThat(lines).contains("  - body.CF_NR_FK MAPPING_TYPE: cannot read column CF_NR_FK value '5000元' as"
                + " money_wan_yuan: unit '元' in amount '5000元' conflicts with the declared unit 万元 (WAN_YUAN)");
        assertThat(lines).last().isEqualTo("5 rows: 4 valid, 1 quarantined");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
