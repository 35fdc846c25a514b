package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.onex.hub.mapping.MappingFixtures.with;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Identity;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.Rules;
import org.onex.hub.schema.Violation;

/**
 * The bureau's cooperation records (C7) — the real mappings/zhzf/cooperation.yaml applied to rows of its
 * xt_cooperation table: LX sets the record type per row (R-ASSIST-REPLY, R-TRANSFER-DEADLINE,
 * R-JOINT-SPECIAL open on it), FSRQ is the event date, XDRQ the planned action day, JJBZ the urgent flag.
 */
class BureauCooperationMappingTest {

    private static final Instant EXTRACTED = Instant.parse("2024-03-06T01:00:00Z");

    private static CompiledMapping cooperation;

    @BeforeAll
    static void compile() {
        cooperation = MappingFixtures.compiler().compile(MappingFixtures.MAPPINGS.resolve("zhzf/cooperation.yaml"));
    }

    /** A case transfer found on 2024-03-05, not urgent. */
    static Map<String, Object> row() {
        return with(new LinkedHashMap<>(), "ID", 2, "WSH", "武综执移〔2024〕2号", "LX", "YS",
                "XDR_MC", "浙江武义食品有限公司", "XDR_LB", "02", "XDR_SHXYM", "91330723MA2KG3CX0N",
                "FSRQ", LocalDate.of(2024, 3, 5), "JJBZ", "0", "BT", "关于浙江武义食品有限公司涉嫌违法案件的移送函",
                "NR", "附案源材料", "JSDW", "县市场监管局", "UPDATED_AT", "2024-03-05 10:20:30");
    }

    private static HubRecord valid(Map<String, Object> row) {
        MappingResult result = cooperation.apply(row, EXTRACTED);
        assertThat(result.violations()).as("violations").isEmpty();
        return result.record();
    }

    @ParameterizedTest(name = "LX {0} -> {1} ({2})")
    @CsvSource({ "XZ, ASSISTANCE_REQUEST, 协助请求", "YS, CASE_TRANSFER, 案件移送", "LH, JOINT_APPLICATION, 专项联合执法申请" })
    void theKindColumnSetsTheRecordTypeOfEachRow(String lx, RecordType type, String kind) {
        HubRecord r = valid(with(row(), "LX", lx));

        assertThat(r.category()).isEqualTo(Category.C7);
        assertThat(r.recordType()).isEqualTo(type);
        assertThat(r.body()).containsEntry("LX", kind);
    }

    @Test
    void aTransferCountsFromItsDiscoveryDate() {
        HubRecord r = valid(row());

        assertThat(r.identity()).isEqualTo(Identity.source("zhzf", "cooperation", "综合行政执法办案系统", "武综执移〔2024〕2号"));
        assertThat(r.urgent()).isFalse();
        assertThat(r.document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.document().validFrom()).isNull();
        assertThat(r.times().decidedAt()).isEqualTo(Instant.parse("2024-03-04T16:00:00Z")); // 00:00 Asia/Shanghai
        assertThat(r.document().title()).isEqualTo("关于浙江武义食品有限公司涉嫌违法案件的移送函");
        assertThat(r.body()).containsEntry("NR", "附案源材料").containsEntry("JSDW", "县市场监管局");
    }

    @ParameterizedTest(name = "JJBZ {0} -> urgent {1}")
    @CsvSource(value = { "1, true", "0, false", "'', false" })
    void jjbzMarksAnUrgentTransfer(String flag, boolean urgent) {
        assertThat(valid(with(row(), "JJBZ", flag)).urgent()).isEqualTo(urgent);
    }

    @Test
    void aJointApplicationCarriesItsPlannedActionDay() {
        HubRecord r = valid(with(row(), "LX", "LH", "WSH", "武综执联申〔2024〕5号", "FSRQ", "2024-03-05",
                "XDRQ", "2024-03-12", "JSDW", "领导小组办公室"));

        assertThat(r.recordType()).isEqualTo(RecordType.JOINT_APPLICATION);
        assertThat(r.document().decisionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(r.document().validFrom()).isEqualTo(LocalDate.of(2024, 3, 12));
    }

    @Test
    void aRowWithoutKindOrLetterDateIsQuarantined() {
        MappingResult noKind = cooperation.apply(with(row(), "LX", "QT"), EXTRACTED);
        MappingResult noDate = cooperation.apply(with(row(), "FSRQ", null), EXTRACTED);

        assertThat(noKind.valid()).isFalse();
        assertThat(noKind.errors()).extracting(Violation::field).contains("recordType", "body.LX");
        assertThat(noDate.valid()).isFalse();
        assertThat(noDate.errors()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("document.decisionDate", Rules.REQUIRED));
    }
}
