package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onex.hub.policy.SharingFixtures.PERSON_ID;
import static org.onex.hub.policy.SharingFixtures.PERSON_ID_MASKED;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 13 item 4, "judge by value, not by name": an ID number used as a document number (driver and transport
 * certificates) or as a source key, and a mobile number in any field, are masked for every role but those of
 * the policy's {@code unmasked} (the bureau, R-APPROVAL-NOTICE), on record views and on every other output that
 * goes through {@link SharingEnforcer#maskValues}.
 */
class ValueKindMaskingTest {

    private final SharingEnforcer enforcer = SharingFixtures.enforcer();

    /** A C3 decision on a driver whose certificate number is his ID number; it concerns the transport bureau. */
    private static ObjectNode certificateDecision() {
        ObjectNode r = SharingFixtures.personPenalty();
        ((ObjectNode) r.get("identity")).put("sourceKey", PERSON_ID);
        ((ObjectNode) r.get("document")).put("number", PERSON_ID);
        ((ObjectNode) r.get("document")).put("title", "驾驶员从业资格证JTYS" + PERSON_ID + "，联系13812345678");
        return r;
    }

    static Stream<Arguments> maskedRoles() {
        return Stream.of(Arguments.of(SharingFixtures.OFFICE), Arguments.of(SharingFixtures.OPERATOR),
                Arguments.of(SharingFixtures.JTYSJ));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskedRoles")
    void anIdNumberInAnAllowedFieldIsMaskedByItsValue(Client client) {
        JsonNode view = enforcer.view(client, certificateDecision(), "jtysj").orElseThrow();
        assertThat(view.at("/document/number").asText()).isEqualTo(PERSON_ID_MASKED);
        assertThat(view.at("/identity/sourceKey").asText()).isEqualTo(PERSON_ID_MASKED);
        assertThat(view.at("/document/title").asText()).isEqualTo("驾驶员从业资格证JTYS" + PERSON_ID_MASKED
                + "，联系138****5678");
        assertThat(view.toString()).doesNotContain(PERSON_ID).doesNotContain("13812345678");
        // what is not personal data stays readable: authority credit code, matter code
        assertThat(view.at("/document/authorityCreditCode").asText()).isEqualTo("11330723002543316D");
        assertThat(view.at("/document/matterCode").asText()).isEqualTo("330723-ZHZF-JTYS-001");
    }

    @Test
    void theBureauAndAProviderSeeTheirRecordsAsTheyAre() {
        ObjectNode licence = SharingFixtures.personLicence();
        ((ObjectNode) licence.get("document")).put("number", PERSON_ID);
        assertThat(enforcer.view(SharingFixtures.BUREAU, licence, null).orElseThrow().at("/document/number").asText())
                .as("policy unmasked: [bureau]").isEqualTo(PERSON_ID);
        Client scjgj = new Client("scjgj-app", Role.DEPARTMENT, "scjgj");
        assertThat(enforcer.view(scjgj, licence, null).orElseThrow().at("/document/number").asText())
                .as("providersSeeOwnRecords").isEqualTo(PERSON_ID);
    }

    @Test
    void everyOtherOutputIsMaskedByValueForAllButTheBureau() {
        ObjectNode obligation = SharingFixtures.json("""
                {"id":7,"sourceKey":"%s","note":"call 139-1234-5678","count":13812345678,"ok":true}
                """.formatted(PERSON_ID));
        JsonNode masked = enforcer.maskValues(SharingFixtures.OPERATOR, obligation);
        assertThat(masked.get("sourceKey").asText()).isEqualTo(PERSON_ID_MASKED);
        assertThat(masked.get("note").asText()).isEqualTo("call 139-****-5678");
        assertThat(masked.get("count").asText()).as("a mobile number as a JSON number").isEqualTo("138****5678");
        assertThat(masked.get("id").asInt()).isEqualTo(7);
        assertThat(obligation.get("sourceKey").asText()).as("input unchanged").isEqualTo(PERSON_ID);
        assertThat(enforcer.maskValues(SharingFixtures.BUREAU, obligation)).isEqualTo(obligation);
        assertThat(enforcer.maskValues(SharingFixtures.ADMIN, "a," + PERSON_ID + ",b"))
                .isEqualTo("a," + PERSON_ID_MASKED + ",b");
        assertThat(enforcer.maskValues(null, PERSON_ID)).as("no client: masked").isEqualTo(PERSON_ID_MASKED);
    }

    @Test
    void quarantineMetadataIsMaskedForAllButTheProvider() {
        assertThat(enforcer.maskQuarantineText(SharingFixtures.OPERATOR, "jtysj", "row " + PERSON_ID))
                .isEqualTo("row " + PERSON_ID_MASKED);
        assertThat(enforcer.maskQuarantineText(SharingFixtures.JTYSJ, "jtysj", "row " + PERSON_ID))
                .isEqualTo("row " + PERSON_ID);
    }
}
