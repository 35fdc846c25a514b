package org.onex.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException;

/** A broken registry file fails with the file, the line and the key of each problem. */
class DepartmentRegistryProblemsTest {

    private static final String BUREAU = """
            departments:
              - code: zhzf
                kind: BUREAU
                nameZh: 县综合行政执法局
                nameEn: Bureau
                liaisonRole: 法制科联络员 / legal affairs liaison officer
                provides: [C1, C3]
                consumes: [C1, C2]
            """;

    @TempDir
    Path dir;

    private String failure(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("departments.yaml"), yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> DepartmentRegistry.load(file));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        return e.getMessage().replace(file + ":", "F:");
    }

    private static String department(String code, String kind, String provides) {
        return """
                  - code: %s
                    kind: %s
                    nameZh: 部门
                    nameEn: Department
                    liaisonRole: 法制科联络员 / legal affairs liaison officer
                    provides: %s
                    consumes: [C1, C3]
                """.formatted(code, kind, provides);
    }

    @Test
    void minimalFileLoads() throws IOException {
        Path file = Files.writeString(dir.resolve("departments.yaml"), BUREAU + department("gaj", "DEPARTMENT", "[C2]"));
        DepartmentRegistry registry = DepartmentRegistry.load(file);
        assertThat(registry.all()).hasSize(2);
        assertThat(registry.bureau().code()).isEqualTo("zhzf");
    }

    @Test
    void duplicateCodeIsReportedAtTheSecondOne() throws IOException {
        assertThat(failure(BUREAU + department("gaj", "DEPARTMENT", "[C2]") + department("gaj", "DEPARTMENT", "[C5]")))
                .isEqualTo("F:16: departments[2].code: duplicate code 'gaj', already used by departments[1] at line 9");
    }

    /** R-TRANSFER-BOUNDARY: one Justice Bureau decides jurisdiction disputes, so two would be ambiguous. */
    @Test
    void twoJusticeBureaus() throws IOException {
        assertThat(failure(BUREAU + department("sfj", "JUSTICE", "[]") + department("sfj2", "JUSTICE", "[]")))
                .isEqualTo("F:17: departments[2].kind: a second JUSTICE; at most one decides jurisdiction disputes"
                        + " and 'sfj' does (departments[1] at line 9)");
    }

    @Test
    void twoBureaus() throws IOException {
        assertThat(failure(BUREAU + department("gaj", "DEPARTMENT", "[C2]") + department("zhzf2", "BUREAU", "[C3]")))
                .isEqualTo("F:17: departments[2].kind: a second BUREAU; exactly one is allowed and 'zhzf' is the"
                        + " bureau (departments[0] at line 2)");
    }

    @Test
    void noBureau() throws IOException {
        assertThat(failure("departments:\n" + department("gaj", "DEPARTMENT", "[C2]")))
                .isEqualTo("F:1: departments: no entry has kind BUREAU; exactly one is required");
    }

    @Test
    void badCategory() throws IOException {
        assertThat(failure(BUREAU + department("gaj", "DEPARTMENT", "[C2, C9]")))
                .isEqualTo("F:14: departments[1].provides[1]: 'C9' is not one of C1..C7");
    }

    @Test
    void missingNameZh() throws IOException {
        String yaml = BUREAU + department("gaj", "DEPARTMENT", "[C2]").replace("    nameZh: 部门\n", "");
        assertThat(failure(yaml)).isEqualTo("F:9: departments[1]: required property 'nameZh' is missing");
    }

    @Test
    void badCodeUnknownPropertyAndKindAllReportedAtOnce() throws IOException {
        String yaml = BUREAU + department("GA-J", "AGENCY", "[C2]").replace("    provides:", "    phone: 12345\n    provides:");
        assertThat(failure(yaml)).isEqualTo("""
                F:9: departments[1].code: 'GA-J' does not match the pattern ^[a-z][a-z0-9]{1,15}$
                F:10: departments[1].kind: 'AGENCY' is not one of BUREAU, DEPARTMENT, OFFICE, JUSTICE
                F:14: departments[1].phone: unknown property 'phone' (allowed: code, kind, nameZh, nameEn,\
                 liaisonRole, creditCode, provides, consumes)""");
    }

    @Test
    void decisionCategoriesStayWithTheirOwners() throws IOException {
        String yaml = BUREAU.replace("provides: [C1, C3]", "provides: [C1, C2, C3]") + department("gaj", "DEPARTMENT", "[C1, C3]");
        assertThat(failure(yaml)).isEqualTo("""
                F:7: departments[0].provides[1]: only a DEPARTMENT provides C2 (department decisions, R-CATEGORIES)
                F:14: departments[1].provides[1]: only the BUREAU provides C3 (bureau decisions, R-CATEGORIES)""");
    }

    @Test
    void syntaxErrorAndMissingFile() throws IOException {
        assertThat(failure("departments:\n  - code: zhzf\n   kind: BUREAU\n")).startsWith("F:3: YAML syntax error: ");
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> DepartmentRegistry.load(missing)).hasMessage(missing + ": file not found");
    }
}
