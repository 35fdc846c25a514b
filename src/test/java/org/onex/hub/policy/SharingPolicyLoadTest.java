package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.masking.MaskKind;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

/**
 * Loading config/sharing-policy.yaml at start-up: every mistake is reported with file, line and key, as for the
 * other config files, and a registry entry that goes beyond the policy is reported at its line in
 * departments.yaml (R-CATEGORIES; docs/security.md "Sharing policy").
 */
class SharingPolicyLoadTest {

    /** Four units, one per line (line = index + 2). */
    private static final String REGISTRY = """
            departments:
              - { code: zhzf, kind: BUREAU, nameZh: 执法局, nameEn: Bureau, liaisonRole: 联络员, provides: [C1, C3, C4, C5, C6, C7], consumes: [C1, C2, C4, C5, C6, C7] }
              - { code: jsj, kind: DEPARTMENT, nameZh: 建设局, nameEn: Construction, liaisonRole: 联络员, provides: [C1, C2, C4, C5, C6, C7], consumes: [C1, C3] }
              - { code: fgj, kind: DEPARTMENT, nameZh: 发改局, nameEn: Reform, liaisonRole: 联络员, provides: [C1, C2, C4, C5, C7], consumes: [C1, C3] }
              - { code: ldxzbgs, kind: OFFICE, nameZh: 办公室, nameEn: Office, liaisonRole: 联络员, provides: [], consumes: [C3, C4] }
            """;

    /** A valid policy; the tests replace one piece of it (lines as numbered in the comments). */
    private static final String POLICY = """
            categories:
              C1: { providers: [bureau, department], consumers: { bureau: all, department: all } }
              C2: { providers: [department], consumers: { bureau: all } }
              C3: { providers: [bureau], consumers: { department: own, office: all } }
              C4: { providers: [bureau, department], consumers: { bureau: all, office: all } }
              C5: { providers: [bureau, department], consumers: { bureau: all } }
              C6: { providers: [bureau, department], consumers: { bureau: all } }
              C7: { providers: [bureau, department], consumers: { bureau: all } }
            providersSeeOwnRecords: true
            fields:
              bureau:
                - { path: "*", action: allow }
              department: &masked
                - { path: subject.idNumber, action: mask, mask: idNumber }
                - { path: subject.name, action: mask, mask: personName, when: { subject.kind: [NATURAL_PERSON, null] } }
                - { path: "body.*", action: mask, mask: text }
                - { path: "*", action: allow }
              office: *masked
            quarantine:
              unmasked: []
              columns:
                - { column: "*ZJHM", mask: idNumber }
            """;

    @TempDir
    Path dir;

    private Path policyFile;
    private Path registryFile;
    private DepartmentRegistry registry;

    @BeforeEach
    void writeRegistry() throws IOException {
        policyFile = dir.resolve("sharing-policy.yaml");
        registryFile = dir.resolve("departments.yaml");
        Files.writeString(registryFile, REGISTRY);
        registry = DepartmentRegistry.load(registryFile);
    }

    private SharingPolicy load(String policy) throws IOException {
        Files.writeString(policyFile, policy);
        return SharingPolicy.load(policyFile, registry, registryFile);
    }

    private List<String> problems(String policy) throws IOException {
        try {
            load(policy);
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the policy to be rejected");
    }

    private String at(int line) {
        return policyFile + ":" + line + ": ";
    }

    @Test
    void theProjectsOwnPolicyLoadsAgainstTheProjectsRegistry() {
        SharingPolicy policy = SharingFixtures.policy(SharingFixtures.registry());

        assertThat(policy.access(Role.DEPARTMENT, Category.C3)).isEqualTo(Access.OWN);
        assertThat(policy.access(Role.BUREAU, Category.C6)).isEqualTo(Access.ALL);
        assertThat(policy.providersSeeOwnRecords()).isTrue();
        assertThat(policy.fieldRules(Role.OPERATOR)).isEqualTo(policy.fieldRules(Role.DEPARTMENT)).isNotEmpty();
    }

    @Test
    void theTestPolicyLoads() throws IOException {
        SharingPolicy policy = load(POLICY);

        assertThat(policy.access(Role.OFFICE, Category.C4)).isEqualTo(Access.ALL);
        assertThat(policy.access(Role.OPERATOR, Category.C1)).isEqualTo(Access.NONE); // default deny
        assertThat(policy.fieldRules(Role.ADMIN)).isEmpty();
        assertThat(policy.quarantineColumnMask("cf_xdr_zjhm")).contains(MaskKind.ID_NUMBER);
        assertThat(policy.quarantineColumnMask("CF_WSH")).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("unknown category", "  C7: { providers",
                        "  C8: { providers: [], consumers: {} }\n  C7: { providers",
                        8, "categories.C8: unknown property 'C8' (allowed: C1, C2, C3, C4, C5, C6, C7)"),
                mistake("unknown consumer role", "{ bureau: all } }\n  C6", "{ clerk: all } }\n  C6", 6,
                        "categories.C5.consumers.clerk: unknown property 'clerk' (allowed: bureau, department, office,"
                                + " operator, admin)"),
                mistake("unknown access", "department: own", "department: some", 4,
                        "categories.C3.consumers.department: 'some' is not one of all, own"),
                mistake("unknown provider", "C2: { providers: [department]", "C2: { providers: [department, xyz]", 3,
                        "categories.C2.providers[1]: 'xyz' is neither a providing role (bureau, department, office)"
                                + " nor a unit code of departments.yaml"),
                mistake("operator as provider", "C2: { providers: [department]", "C2: { providers: [operator]", 3,
                        "categories.C2.providers[0]: operator acts for no unit and cannot provide records"),
                mistake("unknown action", "action: allow }\n  department", "action: show }\n  department", 12,
                        "fields.bureau[0].action: 'show' is not one of allow, mask, deny"),
                mistake("unknown mask kind", "mask: idNumber }\n    - { path: subject.name",
                        "mask: idCard }\n    - { path: subject.name", 14,
                        "fields.department[0].mask: 'idCard' is not one of idNumber, phone, personName, text"),
                mistake("mask missing", "action: mask, mask: text", "action: mask", 16,
                        "fields.department[2]: required property 'mask' is missing"),
                mistake("mask on allow", "path: \"*\", action: allow }\n  office",
                        "path: \"*\", action: allow, mask: text }\n  office", 17,
                        "fields.department[3].mask: mask is only for action mask (this rule is 'allow')"),
                mistake("empty path segment", "path: subject.idNumber", "path: subject..idNumber", 14,
                        "fields.department[0].path: path 'subject..idNumber' has an empty segment at position 2"),
                mistake("bad path character", "path: subject.idNumber", "path: subject.id-number", 14,
                        "fields.department[0].path: path 'subject.id-number': segment 'id-number' may hold only"
                                + " letters, digits, '_' and the wildcard '*'"),
                mistake("unknown field", "path: subject.idNumber", "path: subject.idNumbr", 14,
                        "fields.department[0].path: path 'subject.idNumbr': unknown field 'idNumbr' in subject"
                                + " (known: name, kind, creditCode, idType, idNumber, legalRepresentative,"
                        + " legalRepresentativeIdType, legalRepresentativeIdNumber)"),
                mistake("unknown top-level field", "path: subject.idNumber", "path: subjects", 14,
                        "fields.department[0].path: path 'subjects': unknown field 'subjects' in a record (known:"
                                + " identity, category, recordType, status, urgent, subject, document, times, body,"
                                + " flags)"),
                mistake("field of a single value", "path: subject.idNumber", "path: category.code", 14,
                        "fields.department[0].path: path 'category.code': category is a single value and has no"
                                + " field 'code'"),
                mistake("JSON pointer to an unknown field", "path: subject.idNumber", "path: /subject/idNumbr", 14,
                        "fields.department[0].path: path '/subject/idNumbr': unknown field 'idNumbr' in subject"
                                + " (known: name, kind, creditCode, idType, idNumber, legalRepresentative,"
                        + " legalRepresentativeIdType, legalRepresentativeIdNumber)"),
                mistake("when value not in the schema", "[NATURAL_PERSON, null]", "[NATURL_PERSON]", 15,
                        "fields.department[1].when[\"subject.kind\"]: 'NATURL_PERSON' is not one of NATURAL_PERSON,"
                                + " LEGAL_PERSON, NON_LEGAL_PERSON_ORG, INDIVIDUAL_BUSINESS"),
                mistake("when with a wildcard", "when: { subject.kind:", "when: { subject.*:", 15,
                        "fields.department[1].when[\"subject.*\"]: a when path names one field; '*' is not allowed"
                                + " in 'subject.*'"),
                mistake("consumer role without field rules", "consumers: { bureau: all } }\n  C3",
                        "consumers: { bureau: all, operator: all } }\n  C3", 3,
                        "categories.C2.consumers.operator: operator receives C2 but fields has no rules for operator,"
                                + " so it would see no field; add fields.operator"),
                mistake("unknown quarantine role", "unmasked: []", "unmasked: [auditor]", 20,
                        "quarantine.unmasked[0]: 'auditor' is not one of bureau, department, office, operator,"
                                + " admin"));
    }

    private static Arguments mistake(String name, String from, String to, int line, String problem) {
        return Arguments.of(name, from, to, line, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsReportedWithFileLineAndKey(String name, String from, String to, int line, String problem)
            throws IOException {
        String policy = POLICY.replace(from, to);
        assertThat(policy).as("test setup: replaced text").isNotEqualTo(POLICY);

        assertThat(problems(policy)).containsExactly(at(line) + problem);
    }

    @Test
    void ownForARoleWithoutAUnitIsRejected() throws IOException {
        String policy = POLICY.replace("fields:\n", "fields:\n  operator:\n    - { path: \"*\", action: allow }\n")
                .replace("C1: { providers: [bureau, department], consumers: { bureau: all, department: all } }",
                        "C1: { providers: [bureau, department], consumers: { bureau: all, operator: own } }");

        assertThat(problems(policy)).containsExactly(at(2) + "categories.C1.consumers.operator: operator acts for no"
                + " unit, so 'own' would never match; use all or leave the role out");
    }

    @Test
    void aRegistryEntryBeyondThePolicyIsReportedAtItsLineInDepartmentsYaml() throws IOException {
        String policy = POLICY.replace("C6: { providers: [bureau, department]", "C6: { providers: [bureau]")
                .replace("C4: { providers: [bureau, department], consumers: { bureau: all, office: all } }",
                        "C4: { providers: [bureau, department], consumers: { bureau: all } }");

        assertThat(problems(policy)).containsExactly(
                registryFile + ":3: departments[1].provides[4]: jsj (department) provides C6, but " + policyFile
                        + ":7 categories.C6.providers allows only [bureau] to provide it (R-CATEGORIES)",
                registryFile + ":5: departments[3].consumes[1]: ldxzbgs (office) consumes C4, but " + policyFile
                        + ":5 categories.C4.consumers gives office nothing of it (R-CATEGORIES)");
    }

    @Test
    void aUnitCodeMayBeNamedAsProvider() throws IOException {
        SharingPolicy policy = load(POLICY.replace("C6: { providers: [bureau, department]",
                "C6: { providers: [bureau, jsj]"));

        assertThat(policy.admitsProvider(registry.require("jsj"), Category.C6)).isTrue();
        assertThat(policy.admitsProvider(registry.require("fgj"), Category.C6)).isFalse();
    }

    @Test
    void aMissingCategoryAndASyntaxErrorAreReported() throws IOException {
        String withoutC7 = POLICY.replace("  C7: { providers: [bureau, department], consumers: { bureau: all } }\n", "");
        assertThat(problems(withoutC7))
                .containsExactly(at(1) + "categories: required property 'C7' is missing");
        assertThatThrownBy(() -> load("categories:\n  C1: [\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(policyFile + ":");
    }
}
