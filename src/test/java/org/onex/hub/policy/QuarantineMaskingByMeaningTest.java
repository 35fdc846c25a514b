package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onex.hub.policy.SharingFixtures.BUREAU;
import static org.onex.hub.policy.SharingFixtures.OFFICE;
import static org.onex.hub.policy.SharingFixtures.OPERATOR;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onex.hub.mapping.ColumnUse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 12 item 8: a quarantined row is masked by what its feed's mapping makes of each column, not by the
 * column's name; unmapped columns fall back to the pattern rules, and every value to its shape.
 */
class QuarantineMaskingByMeaningTest {

    private final SharingEnforcer enforcer = SharingFixtures.enforcer();

    /** A county licensing table with Chinese column names; none of them matches a pinyin pattern. */
    private final ObjectNode row = SharingFixtures.json("""
            {"许可编号":"JY13307230001234","企业名称":"武义示例食品贸易有限公司","法定代表人":"欧阳建国",
             "法定代表人证件号码":"33072319850612031","联系电话":"0579-87654321","联系人身份证":"330723199001011239",
             "备注":"经办人手机13912345678","发证日期":"2024年13月5日","办理人员":"王某某","LXDH":"13812345678"}
            """);

    /** What the feed's mapping says the columns become. */
    private final List<ColumnUse> uses = List.of(new ColumnUse("许可编号", "identity.sourceKey", false),
            new ColumnUse("许可编号", "document.number", false), new ColumnUse("企业名称", "subject.name", false),
            new ColumnUse("法定代表人", "subject.legalRepresentative", false),
            new ColumnUse("法定代表人证件号码", "subject.legalRepresentativeIdNumber", false),
            new ColumnUse("联系电话", "body.XK_LXDH", false), new ColumnUse("联系人身份证", "body.XK_LXR", true),
            new ColumnUse("发证日期", "document.decisionDate", false));

    @Test
    void mappedColumnsAreMaskedAsTheirFieldsAreInRecords() {
        JsonNode masked = enforcer.maskQuarantinePayload(OPERATOR, "scjgj", row, uses);

        assertThat(masked.path("法定代表人").asText()).isEqualTo("欧***");                     // personName
        assertThat(masked.path("法定代表人证件号码").asText()).isEqualTo("330723*******2031"); // malformed, masked
        assertThat(masked.path("联系电话").asText()).isEqualTo("057*-****4321");               // body.*DH: phone
        assertThat(masked.path("联系人身份证").asText()).isEqualTo("330723********1239");      // type: idNumber
        // subject.name may be a person's name (kind unknown in a raw row): masked as the conditional rule says
        assertThat(masked.path("企业名称").asText()).isEqualTo("武" + "*".repeat(11));
        assertThat(masked.path("许可编号").asText()).isEqualTo("JY13307230001234");
        assertThat(masked.path("发证日期").asText()).isEqualTo("2024年13月5日");
    }

    @Test
    void unmappedColumnsFallBackToPatternsAndValueShapes() {
        JsonNode masked = enforcer.maskQuarantinePayload(OPERATOR, "scjgj", row, uses);

        assertThat(masked.path("LXDH").asText()).isEqualTo("138****5678");                  // pattern *DH
        assertThat(masked.path("备注").asText()).isEqualTo("经办人手机139****5678");           // a mobile by shape
        assertThat(masked.path("办理人员").asText()).isEqualTo("王某某");                       // nothing says it is a name
    }

    @Test
    void withoutTheMappingOnlyNamePatternsAndShapesAreLeft() {
        JsonNode byName = enforcer.maskQuarantinePayload(OPERATOR, "scjgj", row);

        // the fallback alone: Chinese name patterns and the ID shapes
        assertThat(byName.path("法定代表人").asText()).isEqualTo("欧***");
        assertThat(byName.path("法定代表人证件号码").asText()).isEqualTo("330723*******2031");
        assertThat(byName.path("联系人身份证").asText()).isEqualTo("330723********1239");
        // a column that is a possible person's name only by meaning is shown: only the mapping says what it is
        assertThat(byName.path("企业名称").asText()).isEqualTo("武义示例食品贸易有限公司");
    }

    @Test
    void everyMaskedRoleGetsTheSameAndTheBureauTooUnlessItProvidedTheRow() {
        assertThat(enforcer.maskQuarantinePayload(OFFICE, "scjgj", row, uses))
                .isEqualTo(enforcer.maskQuarantinePayload(OPERATOR, "scjgj", row, uses));
        // the bureau's field rules allow everything, so it sees the values as in its records: shapes masked only
        JsonNode bureau = enforcer.maskQuarantinePayload(BUREAU, "scjgj", row, uses);
        assertThat(bureau.path("法定代表人").asText()).isEqualTo("欧阳建国");
        assertThat(bureau.path("联系人身份证").asText()).isEqualTo("330723********1239"); // declared an ID number
    }

    @Test
    void inRecordsTheLegalRepresentativesCertificateIsMaskedLikeTheSubjectsNumber() {
        ObjectNode licence = SharingFixtures.personLicence();
        ObjectNode subject = (ObjectNode) licence.get("subject");
        subject.put("kind", "LEGAL_PERSON").put("legalRepresentative", "欧阳建国")
                .put("legalRepresentativeIdType", "RESIDENT_ID").put("legalRepresentativeIdNumber", "11010519491231002X");

        JsonNode seen = enforcer.view(OPERATOR, licence, null).orElseThrow().get("subject");

        assertThat(seen.get("legalRepresentative").asText()).isEqualTo("欧***");
        assertThat(seen.get("legalRepresentativeIdNumber").asText()).isEqualTo("110105********002X");
        assertThat(seen.get("legalRepresentativeIdType").asText()).isEqualTo("RESIDENT_ID");
    }
}
