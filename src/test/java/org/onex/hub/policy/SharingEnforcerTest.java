package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onex.hub.policy.SharingFixtures.ADMIN;
import static org.onex.hub.policy.SharingFixtures.BUREAU;
import static org.onex.hub.policy.SharingFixtures.JSJ;
import static org.onex.hub.policy.SharingFixtures.JTYSJ;
import static org.onex.hub.policy.SharingFixtures.OFFICE;
import static org.onex.hub.policy.SharingFixtures.OPERATOR;
import static org.onex.hub.policy.SharingFixtures.PERSON_ID;
import static org.onex.hub.policy.SharingFixtures.PERSON_ID_MASKED;
import static org.onex.hub.schema.Category.C1;
import static org.onex.hub.schema.Category.C2;
import static org.onex.hub.schema.Category.C3;
import static org.onex.hub.schema.Category.C4;
import static org.onex.hub.schema.Category.C5;
import static org.onex.hub.schema.Category.C6;
import static org.onex.hub.schema.Category.C7;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each role receives of each category under the project's own config/sharing-policy.yaml and
 * config/departments.yaml (R-CATEGORIES, issue 6 items 1 and 2).
 */
class SharingEnforcerTest {

    private final SharingEnforcer enforcer = SharingFixtures.enforcer();

    static Stream<Arguments> receivableByRole() {
        return Stream.of(
                Arguments.of("bureau", BUREAU, EnumSet.of(C1, C2, C4, C5, C6, C7)),
                Arguments.of("department", JTYSJ, EnumSet.of(C1, C3, C7)),
                Arguments.of("office", OFFICE, EnumSet.of(C3, C4)),
                Arguments.of("operator", OPERATOR, EnumSet.of(C1, C2, C3, C4, C5, C7)),
                Arguments.of("admin", ADMIN, EnumSet.of(C1)),
                // default deny: a client that does not resolve to a unit of its role's kind gets nothing
                Arguments.of("department without code", new Client("x", Role.DEPARTMENT, null), Set.of()),
                Arguments.of("department with the bureau's code", new Client("x", Role.DEPARTMENT, "zhzf"), Set.of()),
                Arguments.of("unknown unit", new Client("x", Role.DEPARTMENT, "nosuch"), Set.of()),
                Arguments.of("no role", new Client("x", null, "jtysj"), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receivableByRole")
    void receivableCategoriesPerRole(String name, Client client, Set<Category> expected) {
        assertThat(enforcer.receivable(client)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aDepartmentReceivesOnlyItsOwnC3() {
        assertThat(enforcer.access(JTYSJ, C3)).isEqualTo(Access.OWN);
        assertThat(enforcer.access(JTYSJ, C1)).isEqualTo(Access.ALL);
        assertThat(enforcer.access(OFFICE, C3)).isEqualTo(Access.ALL);
        assertThat(enforcer.unitOf(JTYSJ)).contains("jtysj");
        assertThat(enforcer.unitOf(BUREAU)).contains("zhzf");
        assertThat(enforcer.unitOf(OPERATOR)).isEmpty();
    }

    @Test
    void departmentSeesItsOwnC3MaskedAndNotAnotherDepartments() {
        ObjectNode penalty = SharingFixtures.personPenalty();

        assertThat(enforcer.view(JTYSJ, penalty, "jtysj")).hasValueSatisfying(v -> {
            assertThat(v.at("/subject/name").asText()).isEqualTo("周**");
            assertThat(v.at("/subject/idNumber").asText()).isEqualTo(PERSON_ID_MASKED);
            assertThat(v.at("/document/number").asText()).isEqualTo("武综执罚决字〔2024〕第00032号");
        });
        assertThat(enforcer.view(JSJ, penalty, "jtysj")).isEmpty();
        assertThat(enforcer.view(JTYSJ, penalty, null)).isEmpty();
    }

    @Test
    void departmentSeesC1ButNotOtherCategories() {
        assertThat(enforcer.view(JTYSJ, SharingFixtures.plain("C1", "RULE_STANDARD", "fgj"), null)).isPresent();
        assertThat(enforcer.view(JTYSJ, SharingFixtures.personLicence(), "jtysj")).isEmpty();
        assertThat(enforcer.view(JTYSJ, SharingFixtures.plain("C4", "STATISTIC", "zhzf"), "jtysj")).isEmpty();
        assertThat(enforcer.view(JTYSJ, SharingFixtures.plain("C5", "BRIEFING", "zhzf"), "jtysj")).isEmpty();
    }

    @Test
    void bureauSeesDepartmentDecisionsUnmasked() {
        ObjectNode licence = SharingFixtures.personLicence();

        assertThat(enforcer.view(BUREAU, licence, null)).contains(licence);
    }

    @Test
    void officeSeesC3AndC4MaskedAndNothingElse() {
        assertThat(enforcer.view(OFFICE, SharingFixtures.personPenalty(), null)).hasValueSatisfying(v -> {
            assertThat(v.at("/subject/name").asText()).isEqualTo("周**");
            assertThat(v.at("/subject/idNumber").asText()).isEqualTo(PERSON_ID_MASKED);
            assertThat(v.at("/body/CF_XDR_MC").asText()).isEqualTo("周**");
            assertThat(v.at("/body/CF_XDR_ZJHM").asText()).isEqualTo(PERSON_ID_MASKED);
            assertThat(v.at("/body/CF_SY").asText())
                    .isEqualTo("当事人（身份证号" + PERSON_ID_MASKED + "，电话138****5678）未取得道路运输经营许可");
            assertThat(v.at("/body/CF_NR_FK/amount").decimalValue()).isEqualByComparingTo("0.30");
            assertThat(v.at("/identity/department").asText()).isEqualTo("zhzf");
            assertThat(v.toString()).doesNotContain(PERSON_ID, "周小明", "13812345678");
        });
        assertThat(enforcer.view(OFFICE, SharingFixtures.plain("C4", "STATISTIC", "zhzf"), null)).isPresent();
        assertThat(enforcer.view(OFFICE, SharingFixtures.personLicence(), null)).isEmpty();
        assertThat(enforcer.view(OFFICE, SharingFixtures.plain("C1", "RULE_STANDARD", "fgj"), null)).isEmpty();
    }

    @Test
    void operatorSeesDepartmentDecisionsMasked() {
        assertThat(enforcer.view(OPERATOR, SharingFixtures.personLicence(), null)).hasValueSatisfying(v -> {
            assertThat(v.at("/subject/name").asText()).isEqualTo("周**");
            assertThat(v.at("/body/XK_XDR_ZJHM").asText()).isEqualTo(PERSON_ID_MASKED);
            assertThat(v.at("/body/XK_LXDH").asText()).isEqualTo("138****5678");
            assertThat(v.at("/body/XK_NR").asText()).isEqualTo("食品摊贩登记，备用电话139****5678");
            assertThat(v.at("/flags").isArray()).isTrue();
        });
    }

    @Test
    void anOrganisationsNameStaysReadableButItsLegalRepresentativeIsMasked() {
        assertThat(enforcer.view(OFFICE, SharingFixtures.companyPenalty(), null)).hasValueSatisfying(v -> {
            assertThat(v.at("/subject/name").asText()).isEqualTo("武义示例餐饮管理有限公司");
            assertThat(v.at("/subject/creditCode").asText()).isEqualTo("91330723MA2KG3CX0N");
            assertThat(v.at("/subject/legalRepresentative").asText()).isEqualTo("张*");
            assertThat(v.at("/body/CF_XDR_MC").asText()).isEqualTo("武义示例餐饮管理有限公司");
            assertThat(v.at("/body/CF_XDR_SHXYM").asText()).isEqualTo("91330723MA2KG3CX0N");
            assertThat(v.at("/body/CF_FRDB").asText()).isEqualTo("张*");
        });
    }

    @Test
    void surveillanceDataGoesOnlyToTheBureau() {
        ObjectNode camera = SharingFixtures.plain("C6", "CAMERA", "jsj");

        assertThat(enforcer.view(BUREAU, camera, null)).contains(camera);
        for (Client other : new Client[] { JTYSJ, OFFICE, OPERATOR, ADMIN }) {
            assertThat(enforcer.view(other, camera, "jtysj")).as(other.id()).isEmpty();
        }
        // the camera's own provider still sees its record (providersSeeOwnRecords)
        assertThat(enforcer.view(JSJ, camera, null)).contains(camera);
    }

    @Test
    void aFieldNoRuleCoversIsRemovedForMaskedRoles() {
        ObjectNode record = SharingFixtures.plain("C1", "RULE_STANDARD", "fgj");
        record.put("extra", "not in schema v1");

        assertThat(enforcer.view(JTYSJ, record, null)).hasValueSatisfying(v -> assertThat(v.has("extra")).isFalse());
        assertThat(enforcer.view(BUREAU, record, null)).hasValueSatisfying(v -> assertThat(v.has("extra")).isTrue());
    }

    @Test
    void viewNeverChangesTheInput() {
        for (ObjectNode record : new ObjectNode[] { SharingFixtures.personLicence(), SharingFixtures.personPenalty(),
                SharingFixtures.companyPenalty() }) {
            ObjectNode before = record.deepCopy();
            for (Client client : new Client[] { BUREAU, JTYSJ, OFFICE, OPERATOR, ADMIN }) {
                enforcer.view(client, record, "jtysj").ifPresent(v -> {
                    v.put("category", "changed");
                    ((ObjectNode) v.path("subject")).put("name", "changed");
                });
            }
            assertThat(record).isEqualTo(before);
        }
    }

    @Test
    void recordsWithoutAKnownCategoryAreDenied() {
        ObjectNode record = SharingFixtures.plain("C1", "RULE_STANDARD", "fgj");
        record.put("category", "C9");

        assertThat(enforcer.view(BUREAU, record, null)).isEmpty();
        assertThat(enforcer.view(BUREAU, JsonNodeFactory.instance.arrayNode(), null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} provides {1}: {2}")
    @CsvSource({
            "jsj,     C6, ''",                            // runs cameras: departments.yaml lists C6
            "scjgj,   C2, ''",
            "zhzf,    C3, ''",
            "fgj,     C6, not entitled to provide C6",    // policy allows departments, the registry not fgj
            "jsj,     C3, not entitled to provide C3",    // only the bureau provides C3
            "zhzf,    C2, not entitled to provide C2",    // only departments provide C2
            "ldxzbgs, C4, not entitled to provide C4",    // the office provides nothing
            "nosuch,  C1, not entitled to provide C1"})
    void providerCheckGivesTheQuarantineReason(String department, Category category, String reason) {
        Decision decision = enforcer.mayProvide(department, category);

        assertThat(decision.allowed()).isEqualTo(reason.isEmpty());
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.detail().isEmpty()).isEqualTo(reason.isEmpty());
    }

    @Test
    void providerDenialSaysWhichRuleDenied() {
        assertThat(enforcer.mayProvide("jsj", C3).detail())
                .matches("config/sharing-policy\\.yaml:\\d+ categories\\.C3\\.providers allows only \\[bureau\\]");
        assertThat(enforcer.mayProvide("fgj", C6).detail())
                .isEqualTo("departments.yaml does not list C6 under provides of fgj");
    }

    @Test
    void denyAllPolicySharesNothing() {
        var registry = SharingFixtures.registry();
        SharingEnforcer none = new SharingEnforcer(SharingPolicy.denyAll(SharingFixtures.CONFIG.resolve("absent.yaml")),
                registry);

        assertThat(none.receivable(BUREAU)).isEmpty();
        assertThat(none.view(BUREAU, SharingFixtures.personLicence(), null)).isEmpty();
        assertThat(none.mayProvide("scjgj", C2).reason()).isEqualTo("not entitled to provide C2");
    }

    /**
     * The REST feed serves a version as its stored text whenever {@code seesAsStored} says so (issue 18), so it must
     * say so only where {@code view} gives the record exactly as it is: every client of the project's policy,
     * every category, records with and without personal data, concerned unit or none.
     */
    @Test
    void seesAsStoredOnlyWhereTheViewIsTheRecordAsItIs_R_CATEGORIES() {
        java.util.List<ObjectNode> records = new java.util.ArrayList<>(java.util.List.of(SharingFixtures.personLicence(),
                SharingFixtures.personPenalty(), SharingFixtures.companyPenalty()));
        for (Category c : Category.values()) {
            records.add(SharingFixtures.plain(c.name(), "FILING", "scjgj"));
            records.add(SharingFixtures.plain(c.name(), "FILING", "jtysj"));
        }
        int asStored = 0;
        for (Client client : java.util.List.of(BUREAU, JTYSJ, JSJ, OFFICE, OPERATOR, ADMIN)) {
            for (ObjectNode record : records) {
                for (String concerned : java.util.Arrays.asList(null, "jtysj", "jsj")) {
                    Category category = Category.valueOf(record.path("category").asText());
                    String provider = record.at("/identity/department").asText();
                    if (enforcer.seesAsStored(client, category, provider, concerned)) {
                        asStored++;
                        assertThat(enforcer.view(client, record, concerned))
                                .as("%s %s of %s", client.id(), category, provider).contains(record);
                    }
                }
            }
        }
        // the bureau (unmasked, allow "*") sees the records it receives as stored; a unit its own records
        assertThat(enforcer.seesAsStored(BUREAU, C2, "scjgj", null)).isTrue();
        assertThat(enforcer.seesAsStored(JTYSJ, C1, "jtysj", null)).isTrue();
        // masked for its role, or not received at all
        assertThat(enforcer.seesAsStored(JTYSJ, C1, "scjgj", null)).isFalse();
        assertThat(enforcer.seesAsStored(OPERATOR, C2, "scjgj", null)).isFalse();
        assertThat(enforcer.seesAsStored(BUREAU, C3, "jtysj", null)).isFalse();
        assertThat(enforcer.seesAsStored(JTYSJ, C3, "zhzf", "jsj")).isFalse();
        assertThat(enforcer.seesAsStored(null, C2, "scjgj", null)).isFalse();
        assertThat(asStored).isGreaterThan(10);
    }
}
