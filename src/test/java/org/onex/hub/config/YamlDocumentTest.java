package org.onex.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException.Problem;

/** Parsing YAML into a tree that knows the line of every node, and syntax errors with their line. */
class YamlDocumentTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void recordsTheLineOfNestedNodes() throws IOException {
        YamlDocument doc = YamlDocument.load(write("lines.yaml", """
                # comment
                departments:
                  - code: zhzf
                    provides: [C1, C3]
                  - code: gaj
                    nameZh:
                      县公安局
                    consumes:
                      - C1
                      - C3
                """));

        assertThat(doc.line("")).isEqualTo(2);
        assertThat(doc.line("/departments")).isEqualTo(2);
        assertThat(doc.line("/departments/0")).isEqualTo(3);
        assertThat(doc.line("/departments/0/provides/1")).isEqualTo(4);
        assertThat(doc.line("/departments/1")).isEqualTo(5);
        assertThat(doc.line("/departments/1/nameZh")).isEqualTo(6);
        assertThat(doc.line("/departments/1/consumes")).isEqualTo(8);
        assertThat(doc.line("/departments/1/consumes/1")).isEqualTo(10);
        // a key that does not exist falls back to its nearest ancestor
        assertThat(doc.line("/departments/1/creditCode")).isEqualTo(5);
        assertThat(doc.root().at("/departments/1/nameZh").asText()).isEqualTo("县公安局");
    }

    @Test
    void keepsScalarTypesAsYamlResolvesThem() {
        YamlDocument doc = YamlDocument.parse(Path.of("t.yaml"), """
                int: 42
                hex: 0x1F
                big: 12345678901
                float: 2.5
                bool: true
                nothing: ~
                quoted: "42"
                text: C1
                date: 2021-02-22
                """);

        assertThat(doc.root().get("int").isInt()).isTrue();
        assertThat(doc.root().get("int").intValue()).isEqualTo(42);
        assertThat(doc.root().get("hex").intValue()).isEqualTo(31);
        assertThat(doc.root().get("big").longValue()).isEqualTo(12345678901L);
        assertThat(doc.root().get("float").doubleValue()).isEqualTo(2.5);
        assertThat(doc.root().get("bool").booleanValue()).isTrue();
        assertThat(doc.root().get("nothing").isNull()).isTrue();
        assertThat(doc.root().get("quoted").isTextual()).isTrue();
        assertThat(doc.root().get("text").asText()).isEqualTo("C1");
        assertThat(doc.root().get("date").isTextual()).isTrue();
        assertThat(doc.root().get("date").asText()).isEqualTo("2021-02-22");
    }

    @Test
    void appliesMergeKeysWithExplicitKeysWinning() {
        YamlDocument doc = YamlDocument.parse(Path.of("m.yaml"), """
                base: &base
                  kind: DEPARTMENT
                  consumes: [C1]
                gaj:
                  <<: *base
                  consumes: [C1, C3]
                """);

        assertThat(doc.root().at("/gaj/kind").asText()).isEqualTo("DEPARTMENT");
        assertThat(doc.root().at("/gaj/consumes").size()).isEqualTo(2);
        assertThat(doc.line("/gaj/consumes")).isEqualTo(6);
        assertThat(doc.line("/gaj/kind")).isEqualTo(2);
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = write("broken.yaml", """
                departments:
                  - code: zhzf
                    kind: BUREAU
                   nameZh: 县综合行政执法局
                """);

        assertThatThrownBy(() -> YamlDocument.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.key()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo(file + ":4: YAML syntax error: bad indentation: this line"
                            + " does not line up with the entries above (while parsing a block collection at line 2)");
                });
    }

    @Test
    void otherSyntaxErrorsInPlainWords() {
        assertThatThrownBy(() -> YamlDocument.parse(Path.of("tab.yaml"), "a:\n\tb: 1\n"))
                .hasMessage("tab.yaml:2: YAML syntax error: found a tab character; indent YAML with spaces, not tabs");
        assertThatThrownBy(() -> YamlDocument.parse(Path.of("two.yaml"), "a: 1\n---\nb: 2\n"))
                .hasMessage("two.yaml:2: YAML syntax error: a second YAML document ('---'); the file must hold exactly one");
        assertThatThrownBy(() -> YamlDocument.parse(Path.of("flow.yaml"), "a: [1, 2\nb: 3\n"))
                .hasMessage("flow.yaml:2: YAML syntax error: expected ',' or ']', but got : (while parsing a flow"
                        + " sequence at line 1)");
    }

    @Test
    void repeatedKeyIsAnErrorAtTheSecondOccurrence() {
        assertThatThrownBy(() -> YamlDocument.parse(Path.of("config/dup.yaml"), """
                departments:
                  - code: gaj
                    nameZh: 县公安局
                    code: jsj
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "config/dup.yaml:4: key 'code' appears twice in the same mapping (first at line 2)"));
    }

    @Test
    void recursiveAliasIsRejected() {
        assertThatThrownBy(() -> YamlDocument.parse(Path.of("r.yaml"), "a: &x\n  b: *x\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.reason()).contains("recursive alias"));
    }

    @Test
    void missingFileAndEmptyFile() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> YamlDocument.load(missing))
                .hasMessage(missing + ": file not found");

        YamlDocument empty = YamlDocument.load(write("empty.yaml", "# nothing yet\n"));
        assertThat(empty.root().isNull()).isTrue();
        assertThat(empty.line("")).isEqualTo(1);
    }

    @Test
    void readableKeysFromPointers() {
        YamlDocument doc = YamlDocument.parse(Path.of("k.yaml"), """
                departments:
                  - code: a
                    "odd.key": 1
                    "7": x
                """);

        assertThat(doc.key("")).isEmpty();
        assertThat(doc.key("/departments/0/code")).isEqualTo("departments[0].code");
        assertThat(doc.key(YamlDocument.pointer("departments", 0, "odd.key"))).isEqualTo("departments[0][\"odd.key\"]");
        assertThat(doc.key("/departments/0/7")).isEqualTo("departments[0][\"7\"]");
        assertThat(YamlDocument.pointer("a/b", "c~d", 3)).isEqualTo("/a~1b/c~0d/3");
        assertThat(doc.problem("/departments/0/code", "bad").toString()).isEqualTo("k.yaml:2: departments[0].code: bad");
    }

    @Test
    void messageListsEveryProblemOnItsOwnLineWithRelativePathKept() {
        Path file = Path.of("config/departments.yaml");
        ConfigException e = new ConfigException(List.of(
                new Problem(file, 12, "departments[3].code", "duplicate code 'gaj'"),
                new Problem(file, 0, "", "no entry has kind BUREAU")));

        assertThat(e.getMessage()).isEqualTo("""
                config/departments.yaml:12: departments[3].code: duplicate code 'gaj'
                config/departments.yaml: no entry has kind BUREAU""");
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.key()).isEqualTo("departments[3].code");
        assertThat(e.reason()).isEqualTo("duplicate code 'gaj'");
        assertThat(e.problems()).hasSize(2);
    }
}
