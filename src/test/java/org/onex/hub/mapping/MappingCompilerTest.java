package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.config.ConfigException;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;

/** Compiling mapping files: the real mappings compile; each kind of mistake fails with file, line, key and reason. */
class MappingCompilerTest {

    /** A minimal valid mapping; the cases below break it one way each. Line numbers are those of this text. */
    private static final String VALID = """
            # fixture: a minimal licence mapping
            department: scjgj
            feed: licences
            category: C2
            recordType: LICENCE
            sourceKey: { column: XK_WSH }
            fields:
              subject.name: { column: XK_XDR_MC, required: true }
              document.number: { column: XK_WSH }
              document.decisionDate: { column: XK_JDRQ }
            """;

    @TempDir
    Path dir;

    @Test
    void compilesTheRealMappings() {
        MappingCompiler compiler = MappingFixtures.compiler();

        CompiledMapping licences = compiler.compile(MappingFixtures.LICENCES);
        CompiledMapping approvals = compiler.compile(MappingFixtures.APPROVALS);

        assertThat(licences.department()).isEqualTo("scjgj");
        assertThat(licences.feed()).isEqualTo("licences");
        assertThat(licences.category()).isEqualTo(Category.C2);
        assertThat(licences.recordType()).isEqualTo(RecordType.LICENCE);
        assertThat(licences.file()).isEqualTo(MappingFixtures.LICENCES);
        assertThat(licences.columns()).containsExactly("XK_WSH", "XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM",
                "XK_XDR_ZJHM", "XK_FRDB", "XK_FR_ZJLX", "XK_FR_ZJHM", "XK_XKWS", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI", "XK_XKJG", "XK_XKJGDM",
                "XK_ZT", "UPDATED_AT", "XK_XKLB", "XK_XKZS", "XK_XKBH", "XK_NR");
        assertThat(approvals.department()).isEqualTo("zrzyj");
        assertThat(approvals.recordType()).isEqualTo(RecordType.APPROVAL);
        // the title is a Simple expression, so XMMC is read through it and as body.XMMC
        assertThat(approvals.columns()).containsExactly("SPWH", "SQDW", "SQDWDM", "FDDBR", "PZRQ", "PZJG", "ZT",
                "JJBZ", "GXSJ", "XMMC", "SPLX");
    }

    @Test
    void keepsSharedCodeListsInFileOrder() {
        var lists = MappingCompiler.loadCodeLists(MappingFixtures.MAPPINGS.resolve(MappingRegistry.CODE_LISTS_FILE));

        assertThat(lists.keySet()).containsExactly("subject-kinds", "certificate-types", "long-term-dates",
                "licence-kinds", "licence-status", "penalty-kinds");
        assertThat(lists.get("licence-kinds").keySet()).containsExactly("01", "02", "03", "04", "05", "06");
        assertThat(lists.get("subject-kinds")).containsEntry("04", "INDIVIDUAL_BUSINESS");
        assertThat(lists.get("licence-status")).containsEntry("2", "REVOKED");
    }

    @Test
    void noSharedCodeListsWhenTheFileIsAbsent() {
        assertThat(MappingCompiler.loadCodeLists(dir.resolve(MappingRegistry.CODE_LISTS_FILE))).isEmpty();
    }

    static Stream<Arguments> brokenMappings() {
        return Stream.of(
                Arguments.of("unknown target",
                        VALID + "  subject.nmae: { column: XK_XDR_MC }\n",
                        11, "fields[\"subject.nmae\"]",
                        "unknown target 'subject.nmae': use body.<FIELD> or one of [subject.name, subject.kind,"),
                Arguments.of("unknown code list",
                        VALID + "  subject.kind: { column: XK_XDR_LB, codes: subject-kindz }\n",
                        11, "fields[\"subject.kind\"].codes",
                        "unknown code list 'subject-kindz' (known: [subject-kinds, certificate-types, long-term-dates, licence-kinds,"
                                + " licence-status, penalty-kinds])"),
                Arguments.of("code that is not a subject kind",
                        VALID + """
                                  subject.kind:
                                    column: XK_XDR_LB
                                    codes:
                                      "01": NATURAL_PERSON
                                      "02": COMPANY
                                """,
                        13, "fields[\"subject.kind\"].codes",
                        "code 02 translates to 'COMPANY', which is not a valid subject_kind: No enum constant"),
                Arguments.of("local code list with a status that does not exist",
                        VALID.replace("fields:", "codeLists:\n  zt: { \"1\": VALID, \"9\": ARCHIVED }\nfields:")
                                + "  status: { column: XK_ZT, codes: zt }\n",
                        13, "fields.status.codes",
                        "code 9 translates to 'ARCHIVED', which is not a valid status"),
                Arguments.of("type other than the envelope field's own",
                        VALID.replace("{ column: XK_JDRQ }", "{ column: XK_JDRQ, type: string }"),
                        10, "fields[\"document.decisionDate\"].type",
                        "document.decisionDate takes date values; type: string is only for body.<FIELD> targets"),
                Arguments.of("default that is not in the code list",
                        VALID + "  status: { column: XK_ZT, codes: licence-status, default: \"3\" }\n",
                        11, "fields.status.default", "default '3' is not in code list licence-status [1, 2]"),
                Arguments.of("default that is not of the field's type",
                        VALID + "  urgent: { column: JJBZ, default: maybe }\n",
                        11, "fields.urgent.default",
                        "default 'maybe' is not a valid boolean: 'maybe' is not a boolean (true/false, 1/0, 是/否)"),
                Arguments.of("field expression that does not parse",
                        VALID + "  document.title: { expr: \"关于${body[XK_XKWS]的决定\" }\n",
                        11, "fields[\"document.title\"].expr",
                        "Simple expression '关于${body[XK_XKWS]的决定' does not parse: expected symbol functionEnd but"
                                + " was eol at location 19"),
                Arguments.of("source key expression with an unknown function",
                        VALID.replace("{ column: XK_WSH }\nfields", "{ expr: \"${wsh()}\" }\nfields"),
                        6, "sourceKey.expr",
                        "Simple expression '${wsh()}' does not parse: Unknown function: wsh() at location 0"),
                Arguments.of("missing sourceKey",
                        VALID.replace("sourceKey: { column: XK_WSH }\n", ""),
                        2, "", "required property 'sourceKey' is missing"),
                Arguments.of("missing fields",
                        VALID.substring(0, VALID.indexOf("fields:")),
                        2, "", "required property 'fields' is missing"),
                Arguments.of("record type of another category",
                        VALID.replace("recordType: LICENCE", "recordType: PENALTY_DECISION"),
                        5, "recordType",
                        "record type PENALTY_DECISION belongs to C3, not to C2 (R-CATEGORIES)"),
                Arguments.of("record type that does not exist",
                        VALID.replace("recordType: LICENCE", "recordType: PERMIT"),
                        5, "recordType", "'PERMIT' is not one of [RULE_STANDARD, DISCRETION_STANDARD,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMappings")
    void brokenMappingFailsWithFileLineAndKey(String name, String yaml, int line, String key, String reason)
            throws IOException {
        Path file = Files.writeString(dir.resolve("licences.yaml"), yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> MappingFixtures.compiler().compile(file));

        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.reason()).startsWith(reason);
        assertThat(e.getMessage()).startsWith(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + reason)
                .doesNotContain("\n");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("licences.yaml"), VALID.replace("category: C2", "category: C3")
                + "  subject.nmae: { column: XK_XDR_MC }\n"
                + "  body.XK_XKLB: { column: XK_XKLB, codes: licence-kindz }\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> MappingFixtures.compiler().compile(file));

        assertThat(e.problems()).extracting(ConfigException.Problem::line, ConfigException.Problem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "recordType"),
                        org.assertj.core.groups.Tuple.tuple(11, "fields[\"subject.nmae\"]"),
                        org.assertj.core.groups.Tuple.tuple(12, "fields[\"body.XK_XKLB\"].codes"));
        assertThat(e.getMessage().lines()).hasSize(3);
    }

    @Test
    void missingFileIsAConfigProblem() {
        Path file = dir.resolve("nope.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> MappingFixtures.compiler().compile(file));

        assertThat(e.getMessage()).isEqualTo(file + ": file not found");
    }
}
