package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onex.hub.policy.SharingFixtures.BUREAU;
import static org.onex.hub.policy.SharingFixtures.JSJ;
import static org.onex.hub.policy.SharingFixtures.JTYSJ;
import static org.onex.hub.policy.SharingFixtures.OPERATOR;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Quarantine payloads (raw source rows) are masked for roles that are not entitled (issue 6 item 5); the unit
 * that provided the row sees it as it sent it.
 */
class QuarantineMaskingTest {

    private final SharingEnforcer enforcer = SharingFixtures.enforcer();

    /** A transport-bureau row that failed ID_NUMBER_FORMAT: the ID number has 17 digits. */
    private final ObjectNode row = SharingFixtures.json("""
            {"CF_WSH":"武交罚〔2024〕7号","CF_XDR_MC":"周小明","CF_XDR_ZJHM":"33072319850612031",
             "LXDH":13812345678,"BZ":"另一联系人身份证330723199001011239，手机13912345678",
             "CF_XDR_SHXYM":"91330723MA2KG3CX0N","JE":0.5,"items":[{"SJHM":"15900001111"}]}
            """);

    @Test
    void operatorSeesListedColumnsMaskedByKindAndOtherTextScanned() {
        JsonNode masked = enforcer.maskQuarantinePayload(OPERATOR, "jtysj", row);

        assertThat(masked.path("CF_XDR_MC").asText()).isEqualTo("周**");
        assertThat(masked.path("CF_XDR_ZJHM").asText()).isEqualTo("330723*******2031"); // malformed, still masked
        assertThat(masked.path("LXDH").asText()).isEqualTo("138****5678");              // a number column
        assertThat(masked.path("BZ").asText()).isEqualTo("另一联系人身份证330723********1239，手机139****5678");
        assertThat(masked.at("/items/0/SJHM").asText()).isEqualTo("159****1111");
        assertThat(masked.path("CF_WSH").asText()).isEqualTo("武交罚〔2024〕7号");
        assertThat(masked.path("CF_XDR_SHXYM").asText()).isEqualTo("91330723MA2KG3CX0N");
        assertThat(masked.path("JE").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void theProvidingUnitSeesItsOwnRowUnmasked() {
        assertThat(enforcer.maskQuarantinePayload(JTYSJ, "jtysj", row)).isEqualTo(row);
    }

    @Test
    void anotherUnitOrAnUnknownRowUnitSeesItMasked() {
        assertThat(enforcer.maskQuarantinePayload(JSJ, "jtysj", row).toString()).doesNotContain("周小明",
                "13812345678", "330723199001011239");
        assertThat(enforcer.maskQuarantinePayload(BUREAU, row).toString()).doesNotContain("周小明",
                "33072319850612031");
        assertThat(enforcer.maskQuarantinePayload(null, row).toString()).doesNotContain("周小明");
    }

    @Test
    void maskingNeverChangesTheStoredRow() {
        ObjectNode before = row.deepCopy();

        enforcer.maskQuarantinePayload(OPERATOR, "jtysj", row);

        assertThat(row).isEqualTo(before);
    }
}
