package org.onex.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException.Problem;

/** Schema violations become problems with the line, key and a human reason. */
class SchemaCheckTest {

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "additionalProperties": false,
              "required": ["units"],
              "properties": {
                "units": { "type": "array", "items": { "$ref": "#/$defs/unit" } }
              },
              "$defs": {
                "unit": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["code", "size"],
                  "properties": {
                    "code": { "type": "string", "pattern": "^[a-z]+$" },
                    "name": { "type": "string", "minLength": 1 },
                    "kind": { "enum": ["BUREAU", "DEPARTMENT", "OFFICE"] },
                    "size": { "type": "integer", "maximum": 99 },
                    "tags": { "type": "array", "uniqueItems": true, "items": { "enum": ["C1", "C2", "C3", "C4", "C5", "C6", "C7"] } }
                  }
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private SchemaCheck check;

    @BeforeEach
    void schema() throws IOException {
        check = SchemaCheck.ofFile(Files.writeString(dir.resolve("units.schema.json"), SCHEMA));
    }

    private List<Problem> problems(String yaml) {
        return check.problems(YamlDocument.parse(Path.of("config/units.yaml"), yaml));
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void validFileHasNoProblems() {
        assertThat(problems("""
                units:
                  - code: gaj
                    size: 3
                    tags: [C1, C6]
                """)).isEmpty();
    }

    @Test
    void missingPropertyPointsAtTheObject() {
        assertThat(lines(problems("""
                units:
                  - code: gaj
                    size: 3
                  - size: 4
                """))).containsExactly("config/units.yaml:4: units[1]: required property 'code' is missing");
    }

    @Test
    void wrongEnumValueInANestedList() {
        List<Problem> problems = problems("""
                units:
                  - code: gaj
                    size: 3
                    tags:
                      - C1
                      - C9
                """);
        assertThat(lines(problems)).containsExactly("config/units.yaml:6: units[0].tags[1]: 'C9' is not one of C1..C7");
        assertThat(problems.get(0).line()).isEqualTo(6);
        assertThat(problems.get(0).key()).isEqualTo("units[0].tags[1]");
    }

    @Test
    void enumOfNamesIsListed() {
        assertThat(lines(problems("units:\n  - {code: gaj, size: 1, kind: AGENCY}\n")))
                .containsExactly("config/units.yaml:2: units[0].kind: 'AGENCY' is not one of BUREAU, DEPARTMENT, OFFICE");
    }

    @Test
    void wrongTypes() {
        assertThat(lines(problems("""
                units:
                  - code: gaj
                    size: three
                    tags: C1
                  - code: 12
                    size: 2
                """))).containsExactly(
                "config/units.yaml:3: units[0].size: must be a whole number but is text 'three'",
                "config/units.yaml:4: units[0].tags: must be a list but is text 'C1'",
                "config/units.yaml:5: units[1].code: must be text but is the number 12");
    }

    @Test
    void unknownPropertyPointsAtTheKeyAndListsTheAllowedOnes() {
        assertThat(lines(problems("""
                units:
                  - code: gaj
                    size: 3
                    nameCn: 县公安局
                owner: nobody
                """))).containsExactly(
                "config/units.yaml:4: units[0].nameCn: unknown property 'nameCn' (allowed: code, name, kind, size, tags)",
                "config/units.yaml:5: owner: unknown property 'owner' (allowed: units)");
    }

    @Test
    void patternAndDuplicateItems() {
        assertThat(lines(problems("""
                units:
                  - code: GA-J
                    size: 3
                    tags: [C1, C4, C1]
                """))).containsExactly(
                "config/units.yaml:2: units[0].code: 'GA-J' does not match the pattern ^[a-z]+$",
                "config/units.yaml:4: units[0].tags[2]: 'C1' is listed twice (also at units[0].tags[0])");
    }

    @Test
    void emptyTextAndOtherKeywords() {
        assertThat(lines(problems("""
                units:
                  - code: gaj
                    name: ""
                    size: 100
                """))).containsExactly(
                "config/units.yaml:3: units[0].name: must not be empty",
                "config/units.yaml:4: units[0].size: must have a maximum value of 99");
    }

    @Test
    void emptyFileIsNotAMapping() {
        assertThat(lines(problems("# nothing\n")))
                .containsExactly("config/units.yaml:1: must be a mapping (key: value) but is empty");
    }

    @Test
    void checkThrowsWithAllProblemsOneLineEach() {
        YamlDocument doc = YamlDocument.parse(Path.of("config/units.yaml"), """
                units:
                  - size: 1
                  - code: b
                    size: x
                """);
        assertThatThrownBy(() -> check.check(doc)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(2);
            assertThat(e.getMessage()).isEqualTo("""
                    config/units.yaml:2: units[0]: required property 'code' is missing
                    config/units.yaml:4: units[1].size: must be a whole number but is text 'x'""");
        });
    }

    @Test
    void missingSchemaResourceIsABuildError() {
        assertThatThrownBy(() -> SchemaCheck.ofResource("schema/config/nope.schema.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("schema resource not found on the classpath: schema/config/nope.schema.json");
    }
}
