package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ops.DryRunCommand;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.RecordStatus;

/** The dry-run command on the demo samples and fixtures: printed rows, violations, summary line and exit codes. */
class DryRunCommandTest {

    private static final String FIXTURES = "src/test/resources/mapping-fixtures/";
    private static final String LICENCES = "mappings/scjgj/licences.yaml";
    private static final String APPROVALS = "mappings/zrzyj/approvals.yaml";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    // The command writes to these, not to System.out: a hub context of another test class may still be
    // running in this JVM and logging to the console.
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The pretty JSON printed after {@code header}, up to the next row line. */
    private HubRecord envelopeAfter(String header) {
        List<String> lines = outLines();
        int start = lines.indexOf(header) + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).startsWith("row ")) {
            end++;
        }
        return HubJson.read(String.join("\n", lines.subList(start, end)));
    }

    @Test
    void licenceSampleHasFourValidAndTwoQuarantinedRows() {
        int exit = DryRunCommand.run(new String[] { LICENCES, "samples/scjgj-licences.csv" }, outStream, errStream);

        assertThat(exit).isEqualTo(1);
        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).containsExactly(
                "row 1 OK LICENCE key=武市监许〔2024〕101号",
                "row 2 OK LICENCE key=武市监许〔2024〕102号",
                "row 3 OK LICENCE key=武市监许〔2024〕103号",
                "row 4 OK LICENCE key=武市监许〔2024〕104号",
                "row 5 QUARANTINED key=武市监许〔2024〕105号",
                "row 6 QUARANTINED key=武市监许〔2024〕106号");
        assertThat(outLines()).containsSubsequence("row 5 QUARANTINED key=武市监许〔2024〕105号",
                "  - subject.creditCode CREDIT_CODE_CHECK: check character should be '7' but is '8'",
                "row 6 QUARANTINED key=武市监许〔2024〕106号",
                "  - body.XK_XKLB MAPPING_CODE_UNKNOWN: value '09' of column XK_XKLB is not in code list licence-kinds"
                        + " [01, 02, 03, 04, 05, 06]");
        assertThat(outLines()).last().isEqualTo("6 rows: 4 valid, 2 quarantined");
        assertThat(errText()).isEmpty();

        HubRecord second = envelopeAfter("row 2 OK LICENCE key=武市监许〔2024〕102号");
        assertThat(second.subject().creditCode()).isEqualTo("91330723MA2K8R4NXW");
        assertThat(second.document().longTerm()).isTrue();
        assertThat(envelopeAfter("row 3 OK LICENCE key=武市监许〔2024〕103号").status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(envelopeAfter("row 4 OK LICENCE key=武市监许〔2024〕104号").body()).containsEntry("XK_XKLB", "核准");
    }

    /**
     * Issue 12 item 11: a county export of 300 licences in the 双公示 layout, decision dates in the four formats
     * departments write, revoked (注销) rows, every 25th row with a broken credit code and 8 rows with month 13.
     */
    private Path largeSample() throws IOException {
        java.util.Random random = new java.util.Random(11);
        StringBuilder csv = new StringBuilder("XK_WSH,XK_XKWS,XK_XKLB,XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_FRDB,XK_JDRQ,"
                + "XK_YXQZ,XK_YXQZI,XK_XKJG,XK_ZT\n");
        String[] dates = { "2024-03-05", "2024/3/5", "2024年3月5日", "20240305" };
        for (int n = 1; n <= 300; n++) {
            String code = n % 25 == 0 ? SyntheticData.brokenCreditCode(random)
                    : SyntheticData.creditCode(random);
            String decided = n % 40 == 7 ? "2024年13月5日" : dates[n % 4];
            csv.append("武市监许〔2024〕").append(1000 + n).append("号,食品经营许可决定书,01,武义样例商行").append(n)
                    .append(",02,").append(code).append(",法定代表人").append(",").append(decided)
                    .append(",2024-03-05,2029-03-04,武义县市场监督管理局,").append(n % 30 == 0 ? "2" : "1")
                    .append("\n");
        }
        Path file = dir.resolve("scjgj-export-300.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void largeSampleStartsWithASummaryPerRuleAndLimitsTheRowsShown() throws IOException {
        Path sample = largeSample();

        int exit = DryRunCommand.run(new String[] { LICENCES, sample.toString(), "--limit", "5" }, outStream,
                errStream);

        assertThat(exit).isEqualTo(1);
        assertThat(outLines().subList(0, 4)).containsExactly("300 rows: 280 valid, 20 quarantined",
                "quarantined rows by rule:",
                "  CREDIT_CODE_CHECK subject.creditCode: 12 rows",
                "  MAPPING_TYPE document.decisionDate: 8 rows");
        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).extracting(l -> l.split(" ")[1])
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(outLines()).contains("(295 more rows not shown: --limit 5)");
        assertThat(outLines().get(4)).startsWith("row ");
        assertThat(outLines()).last().isEqualTo("300 rows: 280 valid, 20 quarantined");
        assertThat(errText()).isEmpty();
    }

    @Test
    void failuresOnlyPrintsTheQuarantinedRowsWithTheirFields() throws IOException {
        Path sample = largeSample();

        int exit = DryRunCommand.run(new String[] { LICENCES, sample.toString(), "--failures-only" }, outStream,
                errStream);

        assertThat(exit).isEqualTo(1);
        List<String> rows = outLines().stream().filter(l -> l.startsWith("row ")).toList();
        assertThat(rows).allMatch(l -> l.contains(" QUARANTINED "));
        assertThat(rows).extracting(l -> Integer.parseInt(l.split(" ")[1])).containsExactly(7, 25, 47, 50, 75, 87, 100,
                125, 127, 150, 167, 175, 200, 207, 225, 247, 250, 275, 287, 300);
        int row25 = outLines().indexOf("row 25 QUARANTINED key=武市监许〔2024〕1025号");
        assertThat(outLines().get(row25 + 1)).startsWith("  - subject.creditCode CREDIT_CODE_CHECK: check character");
        int row47 = outLines().indexOf("row 47 QUARANTINED key=武市监许〔2024〕1047号");
        assertThat(outLines().get(row47 + 1)).isEqualTo("  - document.decisionDate MAPPING_TYPE: cannot read column"
                + " XK_JDRQ value '2024年13月5日' as date: '2024年13月5日' is not a real date: Invalid value for"
                + " MonthOfYear (valid values 1 - 12): 13");
        assertThat(outLines()).noneMatch(l -> l.startsWith("{")).noneMatch(l -> l.contains("more rows not shown"));
    }

    @Test
    void failuresOnlyWithALimitSaysHowManyMoreThereAre() throws IOException {
        Path sample = largeSample();

        DryRunCommand.run(new String[] { LICENCES, sample.toString(), "--failures-only", "--limit", "3" }, outStream,
                errStream);

        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).containsExactly(
                "row 7 QUARANTINED key=武市监许〔2024〕1007号", "row 25 QUARANTINED key=武市监许〔2024〕1025号",
                "row 47 QUARANTINED key=武市监许〔2024〕1047号");
        assertThat(outLines()).contains("(17 more quarantined rows not shown: --limit 3)");
    }

    @Test
    void approvalSampleQuarantinesMonthThirteen() {
        int exit = DryRunCommand.run(new String[] { APPROVALS, "samples/zrzyj-approvals.json" }, outStream, errStream);

        assertThat(exit).isEqualTo(1);
        assertThat(outLines()).containsSubsequence("row 1 OK APPROVAL key=武自然资规〔2024〕11号",
                "row 2 OK APPROVAL key=武自然资规〔2024〕12号", "row 3 OK APPROVAL key=武自然资规〔2024〕13号",
                "row 4 QUARANTINED key=武自然资规〔2024〕14号",
                "  - document.decisionDate MAPPING_TYPE: cannot read column PZRQ value '2024年13月5日' as date:"
                        + " '2024年13月5日' is not a real date: Invalid value for MonthOfYear (valid values 1 - 12): 13",
                "4 rows: 3 valid, 1 quarantined");
        HubRecord urgent = envelopeAfter("row 2 OK APPROVAL key=武自然资规〔2024〕12号");
        assertThat(urgent.urgent()).isTrue();
        assertThat(urgent.document().title()).isEqualTo("关于样例安置小区的批复");
    }

    @Test
    void allValidNdjsonExitsZeroAndPrintsWarnings() {
        int exit = DryRunCommand.run(new String[] { APPROVALS, FIXTURES + "approvals.ndjson" }, outStream, errStream);

        assertThat(exit).isZero();
        assertThat(outLines()).containsSubsequence("row 1 OK APPROVAL key=武自然资规〔2024〕21号",
                "row 2 OK APPROVAL key=武自然资规〔2024〕22号",
                "  ! subject.creditCode ORG_CODE_CHECK: organisation code MA2K7Q3L0: check character should be '9'"
                        + " but is '0'",
                "2 rows: 2 valid, 0 quarantined");
        // lower-case keys, as PostgreSQL returns them, reach the Simple expression too
        assertThat(envelopeAfter("row 1 OK APPROVAL key=武自然资规〔2024〕21号").document().title())
                .isEqualTo("关于示例产业园二期的批复");
    }

    @Test
    void csvWithByteOrderMarkReadsItsFirstColumn() {
        int exit = DryRunCommand.run(new String[] { LICENCES, FIXTURES + "licences-bom.csv" }, outStream, errStream);

        assertThat(exit).isZero();
        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).first().isEqualTo("row 1 OK LICENCE key=武市监许〔2024〕201号");
        assertThat(outLines()).last().isEqualTo("1 rows: 1 valid, 0 quarantined");
    }

    @Test
    void readsOtherEncodingsWhenTold() throws IOException {
        Path gbk = dir.resolve("licences.csv");
        Files.writeString(gbk, "XK_WSH,XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_JDRQ\n"
                + "武市监许〔2024〕301号,武义示例食品贸易有限公司,02,91330723MA2K7Q3L98,2024年3月5日\n", Charset.forName("GBK"));

        int exit = DryRunCommand.run(new String[] { LICENCES, gbk.toString(), "--encoding", "GBK" }, outStream, errStream);

        assertThat(exit).isZero();
        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).first().isEqualTo("row 1 OK LICENCE key=武市监许〔2024〕301号");
        assertThat(envelopeAfter("row 1 OK LICENCE key=武市监许〔2024〕301号").subject().name())
                .isEqualTo("武义示例食品贸易有限公司");

        out.reset();
        assertThat(DryRunCommand.run(new String[] { LICENCES, gbk.toString() }, outStream, errStream)).isEqualTo(2);
        // the 48-byte header is ASCII; the first GBK byte of 武 follows it
        assertThat(errText()).isEqualTo(gbk + ": bytes are not valid UTF-8 at offset 48"
                + " (give the file's encoding with --encoding)\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void readsTheFirstSheetOfAWorkbook() throws IOException {
        Path xlsx = dir.resolve("licences.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream file = Files.newOutputStream(xlsx)) {
            Sheet sheet = book.createSheet("许可");
            String[][] cells = { { "XK_WSH", "XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_JDRQ" },
                    { "武市监许〔2024〕301号", "武义示例食品贸易有限公司", "02", "91330723MA2K7Q3L98", "2024年3月5日" } };
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(file);
        }

        int exit = DryRunCommand.run(new String[] { LICENCES, xlsx.toString() }, outStream, errStream);

        assertThat(exit).isZero();
        assertThat(outLines()).filteredOn(l -> l.startsWith("row ")).first().isEqualTo("row 1 OK LICENCE key=武市监许〔2024〕301号");
        assertThat(envelopeAfter("row 1 OK LICENCE key=武市监许〔2024〕301号").subject().name())
                .isEqualTo("武义示例食品贸易有限公司");
        assertThat(outLines()).last().isEqualTo("1 rows: 1 valid, 0 quarantined");
    }

    @Test
    void brokenMappingPrintsEveryProblemWithFileLineAndKey() {
        int exit = DryRunCommand.run(new String[] { FIXTURES + "broken-licences.yaml", "samples/scjgj-licences.csv" }, outStream, errStream);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(errText().lines()).hasSize(2);
        assertThat(errText().lines().toList().get(0)).startsWith(FIXTURES
                + "broken-licences.yaml:8: fields[\"subject.nmae\"]: unknown target 'subject.nmae'");
        assertThat(errText().lines().toList().get(1)).isEqualTo(FIXTURES + "broken-licences.yaml:13:"
                + " fields[\"body.XK_XKLB\"].codes: unknown code list 'licence-kindz' (known: [subject-kinds,"
                + " certificate-types, long-term-dates, licence-kinds, licence-status, penalty-kinds])");
    }

    @Test
    void codeListsComeFromTheMappingsDirectory() {
        int exit = DryRunCommand.run(new String[] { "--mappings-dir", dir.toString(), LICENCES,
                "samples/scjgj-licences.csv" }, outStream, errStream);

        assertThat(exit).isEqualTo(2);
        // an empty directory has no _codelists.yaml, so the four shared lists the mapping uses are unknown
        assertThat(errText().lines()).hasSize(4).allMatch(l -> l.startsWith(LICENCES + ":"));
        assertThat(errText()).contains(
                ": fields[\"subject.kind\"].codes: unknown code list 'subject-kinds' (known: [])",
                ": fields.status.codes: unknown code list 'licence-status' (known: [])",
                ": fields[\"body.XK_XKLB\"].codes: unknown code list 'licence-kinds' (known: [])");
    }

    static Stream<Arguments> usageErrors() {
        String sample = "samples/scjgj-licences.csv";
        String files = "dry-run: expected a mapping file and a sample file, got ";
        return Stream.of(
                Arguments.of("no arguments", List.of(), files + "0 file argument(s)"),
                Arguments.of("one file", List.of(LICENCES), files + "1 file argument(s)"),
                Arguments.of("three files", List.of("a.yaml", "b.csv", "c.csv"), files + "3 file argument(s)"),
                Arguments.of("option without value", List.of(LICENCES, sample, "--encoding"),
                        "dry-run: --encoding needs a value"),
                Arguments.of("unknown option", List.of("--verbose", LICENCES, sample),
                        "dry-run: unknown option --verbose"),
                Arguments.of("unknown encoding", List.of(LICENCES, sample, "--encoding", "NO-SUCH-42"),
                        "dry-run: unknown encoding 'NO-SUCH-42'"),
                Arguments.of("limit without a number", List.of(LICENCES, sample, "--limit", "all"),
                        "dry-run: --limit needs a number of rows (0 for the summary only)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwo(String name, List<String> args, String message) {
        int exit = DryRunCommand.run(args.toArray(String[]::new), outStream, errStream);

        assertThat(exit).isEqualTo(2);
        assertThat(errText().lines()).containsExactly(message, "usage: dry-run <mapping.yaml>"
                + " <sample.csv|sample.json|sample.ndjson|sample.xlsx> [--mappings-dir mappings] [--encoding UTF-8]"
                + " [--failures-only] [--limit N]");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    static Stream<Arguments> unreadableSamples() {
        return Stream.of(
                Arguments.of("missing file", "nope.csv", null, ": file not found"),
                Arguments.of("unknown format", "rows.txt", "a,b",
                        ": unknown sample format (use .csv, .json, .ndjson or .xlsx)"),
                Arguments.of("json object, not array", "rows.json", "{\"SPWH\": \"1\"}",
                        ": expected a JSON array of row objects, found an object"),
                Arguments.of("json array with a number", "rows.json", "[{\"SPWH\": \"1\"}, 2]",
                        ": element 2 (line 1) is not an object"),
                Arguments.of("broken json", "rows.json", "[\n{\"SPWH\": }]",
                        ": line 2, column 10: Unexpected character ('}' (code 125)): expected a valid value"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("ndjson with an array line", "rows.ndjson", "{\"SPWH\": \"1\"}\n[1]",
                        ": line 2: expected one JSON object per line"),
                Arguments.of("csv row too short", "rows.csv", "XK_WSH,XK_XDR_MC\nA-1,x\nA-2",
                        ": line 3: 1 fields, expected 2, in the last line, which has no line break (truncated upload?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableSamples")
    void unreadableSamplesExitTwo(String name, String file, String content, String message) throws IOException {
        Path sample = dir.resolve(file);
        if (content != null) {
            Files.writeString(sample, content);
        }

        int exit = DryRunCommand.run(new String[] { APPROVALS, sample.toString() }, outStream, errStream);

        assertThat(exit).isEqualTo(2);
        assertThat(errText()).isEqualTo(sample + message + "\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
