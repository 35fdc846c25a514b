package org.onex.hub.ingest.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.ingest.SourceRow;

/** Streaming row readers: values, source references and the exact reason a broken department file is rejected. */
class RowFileReaderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @TempDir
    Path dir;

    private static FileLayout layout(FileFormat format, Charset charset, String... required) {
        return new FileLayout(format, charset, null, List.of(required));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content, Charset charset) throws IOException {
        return file(name, content.getBytes(charset));
    }

    private static List<SourceRow> rows(Path file, FileLayout layout) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        long count = RowFileReader.read(file, file.getFileName().toString(), layout, rows::add);
        assertThat(count).isEqualTo(rows.size());
        return rows;
    }

    private static String reason(Path file, FileLayout layout) {
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> RowFileReader.read(file, file.getFileName().toString(), layout, row -> { }));
        return e.reason();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // --- CSV and encodings ---

    @Test
    void utf8CsvStreamsRowsWithTheLineEachRecordStartsOn() throws Exception {
        Path csv = file("licences.csv", "XK_WSH,XK_XDR_MC,AMOUNT\r\n"
                + "A-1,武义示例食品贸易有限公司,12\r\n"
                + "\r\n"
                + "A-2,\"two\nlines\", \r\n"
                + "A-3,\"say \"\"hi\"\"\",1.5\r\n", UTF_8);

        List<SourceRow> rows = rows(csv, layout(FileFormat.CSV, UTF_8, "xk_wsh", "AMOUNT"));

        assertThat(rows).extracting(SourceRow::sourceRef)
                .containsExactly("licences.csv line 2", "licences.csv line 4", "licences.csv line 6");
        assertThat(rows.get(0).values()).isEqualTo(map("XK_WSH", "A-1", "XK_XDR_MC", "武义示例食品贸易有限公司",
                "AMOUNT", "12"));
        assertThat(rows.get(1).values()).isEqualTo(map("XK_WSH", "A-2", "XK_XDR_MC", "two\nlines", "AMOUNT", null));
        assertThat(rows.get(2).values().get("xk_xdr_mc")).as("column names are case-insensitive").isEqualTo("say \"hi\"");
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        byte[] body = "XK_WSH,NAME\nA-1,示例\n".getBytes(UTF_8);
        byte[] bytes = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(body, 0, bytes, BOM.length, body.length);

        List<SourceRow> rows = rows(file("bom.csv", bytes), layout(FileFormat.CSV, UTF_8, "XK_WSH"));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values().keySet()).containsExactly("NAME", "XK_WSH");
        assertThat(rows.get(0).values()).containsEntry("XK_WSH", "A-1").containsEntry("NAME", "示例");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gbCharsets")
    void gbkCsvReadsChineseWhenDeclaredGbkOrItsSupersetGb18030(Charset declared) throws Exception {
        Path csv = file("gbk.csv", "XK_WSH,XK_XDR_MC\n武市监许〔2024〕301号,武义示例食品贸易有限公司\n", GBK);

        List<SourceRow> rows = rows(csv, layout(FileFormat.CSV, declared, "XK_WSH"));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).isEqualTo(map("XK_WSH", "武市监许〔2024〕301号", "XK_XDR_MC", "武义示例食品贸易有限公司"));
            assertThat(row.sourceRef()).isEqualTo("gbk.csv line 2");
        });
        // plain ASCII is the same bytes in UTF-8 and GBK: no mismatch to report
        assertThat(rows(file("ascii.csv", "XK_WSH\nA-1\n", UTF_8), layout(FileFormat.CSV, declared)))
                .extracting(SourceRow::values).containsExactly(map("XK_WSH", "A-1"));
    }

    static Stream<Charset> gbCharsets() {
        return Stream.of(GBK, GB18030);
    }

    static Stream<Arguments> utf8DeclaredAsGb() {
        String text = "XK_WSH,XK_XDR_MC\nA-1,武义示例\n";
        byte[] withBom = (new String(BOM, UTF_8) + text).getBytes(UTF_8);
        String mojibake = ": it would be read as mojibake; export it as ";
        return Stream.of(
                Arguments.of(GB18030, text.getBytes(UTF_8), "the file is UTF-8 but the feed declares GB18030" + mojibake
                        + "GB18030 or change the feed's encoding"),
                Arguments.of(GBK, text.getBytes(UTF_8), "the file is UTF-8 but the feed declares GBK" + mojibake
                        + "GBK or change the feed's encoding"),
                Arguments.of(GB18030, withBom, "the file is UTF-8 (with byte-order mark) but the feed declares GB18030"
                        + mojibake + "GB18030 or change the feed's encoding"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("utf8DeclaredAsGb")
    void utf8FileInAGbFeedIsRejectedBeforeItBecomesMojibake(Charset declared, byte[] bytes, String expected)
            throws Exception {
        assertThat(reason(file("utf8.csv", bytes), layout(FileFormat.CSV, declared))).isEqualTo(expected);
        // the check looks at bytes before any parsing, whatever the format
        assertThat(reason(file("utf8.json", bytes), layout(FileFormat.JSON, declared))).isEqualTo(expected);
    }

    @Test
    void gbkFileInAUtf8FeedNamesTheOffsetOfTheFirstBadByte() throws Exception {
        // "XK_WSH,NAME\n" is 12 bytes and "A-1," 4 more: the GBK lead byte of 武 is at offset 16
        Path csv = file("gbk.csv", "XK_WSH,NAME\nA-1,武义\n", GBK);

        assertThat(reason(csv, layout(FileFormat.CSV, UTF_8))).isEqualTo("bytes are not valid UTF-8 at offset 16");
    }

    @Test
    void offsetsStayExactPastTheDecoderBuffer() throws Exception {
        StringBuilder text = new StringBuilder("ID,NAME\n"); // 8 bytes
        for (int i = 0; i < 5000; i++) {
            text.append(String.format("%05d,示例\n", i)); // 6 + 6 + 1 = 13 UTF-8 bytes
        }
        byte[] good = text.toString().getBytes(UTF_8);
        byte[] bytes = Arrays.copyOf(good, good.length + 4);
        bytes[good.length] = 'X';
        bytes[good.length + 1] = ',';
        bytes[good.length + 2] = (byte) 0x81; // a GB18030 lead byte ...
        bytes[good.length + 3] = ' '; // ... followed by no valid trail byte
        assertThat(good.length).isEqualTo(8 + 5000 * 13);

        assertThat(reason(file("big.csv", bytes), layout(FileFormat.CSV, GB18030)))
                .isEqualTo("bytes are not valid GB18030 at offset " + (good.length + 2));
        assertThat(reason(file("big-utf8.csv", bytes), layout(FileFormat.CSV, UTF_8)))
                .isEqualTo("bytes are not valid UTF-8 at offset " + (good.length + 2));
    }

    static Stream<Arguments> brokenCsv() {
        return Stream.of(
                Arguments.of("one required column missing", "XK_WSH,NAME\nA-1,x\n", List.of("XK_WSH", "XK_JDRQ"),
                        "header lacks column XK_JDRQ"),
                Arguments.of("several required columns missing", "NAME\nx\n", List.of("XK_WSH", "NAME", "XK_JDRQ"),
                        "header lacks columns XK_WSH, XK_JDRQ"),
                Arguments.of("duplicate column", "XK_WSH,NAME,xk_wsh\nA-1,x,y\n", List.of(),
                        "header names column xk_wsh twice"),
                Arguments.of("short row", "A,B,C\n1,2,3\n\n1,2\n", List.of(), "line 4: 2 fields, expected 3"),
                Arguments.of("long row", "A,B\n1,2\n1,\"2\n2\",3\n", List.of(), "line 3: 3 fields, expected 2"),
                Arguments.of("truncated quoted field", "A,B\n1,2\n3,\"four\nfive", List.of(),
                        "line 3: a quoted field is not closed before the end of the file (truncated upload?)"),
                Arguments.of("empty file", "", List.of(), "the file is empty (0 bytes): expected a header line"),
                Arguments.of("only blank lines", "\n\n", List.of(), "expected a header line, found only blank lines"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCsv")
    void brokenCsvIsRejectedWithLineAndReason(String name, String content, List<String> required, String expected)
            throws Exception {
        Path csv = file("broken.csv", content, UTF_8);

        assertThat(reason(csv, new FileLayout(FileFormat.CSV, UTF_8, null, required))).isEqualTo(expected);
    }

    @Test
    void headerOnlyCsvAndEmptyJsonArrayHaveNoRows() throws Exception {
        assertThat(rows(file("h.csv", "XK_WSH,NAME\r\n", UTF_8), layout(FileFormat.CSV, UTF_8, "XK_WSH"))).isEmpty();
        assertThat(rows(file("e.json", " [ ]\n", UTF_8), layout(FileFormat.JSON, UTF_8))).isEmpty();
    }

    @Test
    void hundredThousandRowsStreamThroughToTheSink() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, UTF_8)) {
            out.write("XK_WSH,XK_XDR_MC,XK_JDRQ\n");
            for (int i = 1; i <= 100_000; i++) {
                out.write("武市监许〔2024〕" + i + "号,示例食品贸易有限公司" + i + ",2024-03-05\n");
            }
        }
        AtomicLong seen = new AtomicLong();
        AtomicReference<SourceRow> last = new AtomicReference<>();

        long count = RowFileReader.read(csv, "big.csv", layout(FileFormat.CSV, UTF_8, "XK_WSH"), row -> {
            seen.incrementAndGet();
            last.set(row);
        });

        assertThat(count).isEqualTo(100_000).isEqualTo(seen.get());
        assertThat(last.get().sourceRef()).isEqualTo("big.csv line 100001");
        assertThat(last.get().values()).containsEntry("XK_WSH", "武市监许〔2024〕100000号");
    }

    // --- JSON and NDJSON ---

    @Test
    void jsonArrayElementsBecomeRowsWithElementAndLine() throws Exception {
        Path json = file("approvals.json", "[\n"
                + "  {\"SPWH\": \"武自然资规〔2024〕11号\", \"MJ\": 1.5, \"N\": 3, \"JJ\": true, \"BZ\": null},\n"
                + "  {\n    \"spwh\": \"12\"\n  }\n"
                + "]\n", UTF_8);

        List<SourceRow> rows = rows(json, layout(FileFormat.JSON, UTF_8, "NOT_CHECKED_FOR_JSON"));

        assertThat(rows).extracting(SourceRow::sourceRef)
                .containsExactly("approvals.json element 1 (line 2)", "approvals.json element 2 (line 3)");
        assertThat(rows.get(0).values()).isEqualTo(map("SPWH", "武自然资规〔2024〕11号", "MJ", new BigDecimal("1.5"),
                "N", 3, "JJ", true, "BZ", null));
        assertThat(rows.get(1).values().get("SPWH")).isEqualTo("12");
    }

    static Stream<Arguments> brokenJson() {
        return Stream.of(
                Arguments.of("truncated array", "[\n{\"A\": 1},\n{\"A\": 2", 
                        "line 3, column 8: unexpected end of input (truncated upload?)"),
                Arguments.of("truncated after a comma", "[\n{\"A\": 1},\n",
                        "line 3, column 1: unexpected end of input (truncated upload?)"),
                Arguments.of("syntax error", "[\n{\"A\": }]",
                        "line 2, column 7: Unexpected character ('}' (code 125)): expected a valid value"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("root object", "{\"A\": 1}", "expected a JSON array of row objects, found an object"),
                Arguments.of("root string", "\"rows\"", "expected a JSON array of row objects, found a string"),
                Arguments.of("non-object element", "[\n{\"A\": 1},\n{\"A\": 2},\n\n[3]\n]",
                        "element 3 (line 5) is not an object"),
                Arguments.of("content after the array", "[]\n[]", "line 2, column 1: unexpected content after the"
                        + " JSON array"),
                Arguments.of("empty file", "", "the file is empty (0 bytes): expected a JSON array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJson")
    void brokenJsonIsRejectedWithWhere(String name, String content, String expected) throws Exception {
        assertThat(reason(file("broken.json", content, UTF_8), layout(FileFormat.JSON, UTF_8))).isEqualTo(expected);
    }

    @Test
    void ndjsonHasOneRowPerNonBlankLine() throws Exception {
        Path ndjson = file("rows.ndjson", "{\"A\": \"1\"}\n\n  \r\n{\"a\": 2, \"B\": [1, 2]}\n", UTF_8);

        List<SourceRow> rows = rows(ndjson, layout(FileFormat.NDJSON, UTF_8));

        assertThat(rows).extracting(SourceRow::sourceRef).containsExactly("rows.ndjson line 1", "rows.ndjson line 4");
        assertThat(rows.get(0).values()).isEqualTo(map("A", "1"));
        assertThat(rows.get(1).values()).isEqualTo(map("a", 2, "B", List.of(1, 2)));
    }

    static Stream<Arguments> brokenNdjson() {
        return Stream.of(
                Arguments.of("malformed line", "{\"A\": 1}\n{\"A\": tru}\n",
                        "line 2, column 10: not JSON: Unrecognized token 'tru': was expecting (JSON String, Number,"
                                + " Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("array line", "{\"A\": 1}\n\n[1]\n", "line 3: expected one JSON object per line"),
                Arguments.of("two objects on a line", "{\"A\": 1} {\"A\": 2}\n", "line 1: expected one JSON object per line"),
                Arguments.of("empty file", "", "the file is empty (0 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenNdjson")
    void brokenNdjsonIsRejectedWithTheLine(String name, String content, String expected) throws Exception {
        assertThat(reason(file("broken.ndjson", content, UTF_8), layout(FileFormat.NDJSON, UTF_8))).isEqualTo(expected);
    }

    @Test
    void pushedBodiesAreReadFromAStreamWithoutClosingIt() throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        ClosingWatch json = new ClosingWatch("[{\"SPWH\": \"武自然资规〔2024〕11号\"}]".getBytes(GB18030));

        assertThat(RowFileReader.read(json, "push 42", layout(FileFormat.JSON, GB18030), rows::add)).isEqualTo(1);
        assertThat(RowFileReader.read(new ByteArrayInputStream("\n{\"A\": 1}\n".getBytes(UTF_8)), "push 43",
                layout(FileFormat.NDJSON, UTF_8), rows::add)).isEqualTo(1);

        assertThat(json.closed).isFalse();
        assertThat(rows).extracting(SourceRow::sourceRef).containsExactly("push 42 element 1 (line 1)", "push 43 line 2");
        assertThat(rows.get(0).values()).containsEntry("SPWH", "武自然资规〔2024〕11号");
        assertThat(rows.get(1).values()).containsEntry("A", 1);
        assertThatThrownBy(() -> RowFileReader.read(new ByteArrayInputStream("[{\"A\": \"武\"}]".getBytes(GBK)),
                "push 44", layout(FileFormat.JSON, UTF_8), rows::add))
                .isInstanceOf(FileRejectedException.class).hasMessage("bytes are not valid UTF-8 at offset 8");
        assertThatThrownBy(() -> RowFileReader.read(InputStream.nullInputStream(), "push 45",
                layout(FileFormat.XLSX, null), rows::add)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class ClosingWatch extends ByteArrayInputStream {
        boolean closed;

        ClosingWatch(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    // --- XLSX ---

    /** Two sheets: "Sheet1" (a plain list) and "许可" (dates, numbers, a credit code, a sparse row). */
    private Path workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("book.xlsx"))) {
            Sheet first = book.createSheet("Sheet1");
            first.createRow(0).createCell(0).setCellValue("CODE");
            first.createRow(1).createCell(0).setCellValue("x-1");

            Sheet licences = book.createSheet("许可");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle twoDecimals = book.createCellStyle();
            twoDecimals.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            // row 1 left empty: the header is the first non-empty row
            Row header = licences.createRow(1);
            String[] names = { "XK_WSH", "XK_XDR_SHXYM", "XK_JDRQ", "XK_JSSJ", "COUNT", "AREA", "BIG" };
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row full = licences.createRow(2);
            full.createCell(0).setCellValue("武市监许〔2024〕101号");
            full.createCell(1).setCellValue("91330723MA2XXXXXX0");
            full.createCell(2).setCellValue(LocalDate.of(2024, 3, 5));
            full.getCell(2).setCellStyle(date);
            full.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 5, 14, 30, 15));
            full.getCell(3).setCellStyle(dateTime);
            full.createCell(4).setCellValue(12);
            full.createCell(5).setCellValue(1234.5);
            full.getCell(5).setCellStyle(twoDecimals);
            full.createCell(6).setCellValue(1.2E7);
            Row sparse = licences.createRow(5); // rows 4 and 5 do not exist
            sparse.createCell(0).setCellValue("武市监许〔2024〕102号");
            sparse.createCell(4).setCellValue(0.1);
            sparse.createCell(5).setCellValue("  ");
            book.write(out);
        }
        return dir.resolve("book.xlsx");
    }

    @Test
    void xlsxReadsTheFirstSheetWhenNoneIsNamed() throws Exception {
        List<SourceRow> rows = rows(workbook(), layout(FileFormat.XLSX, null, "code"));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).isEqualTo(map("CODE", "x-1"));
            assertThat(row.sourceRef()).isEqualTo("book.xlsx sheet Sheet1 row 2");
        });
    }

    @Test
    void xlsxNamedSheetGivesIsoDatesPlainNumbersTextCodesAndNullsForMissingCells() throws Exception {
        List<SourceRow> rows = rows(workbook(), new FileLayout(FileFormat.XLSX, null, "许可", List.of("XK_WSH")));

        assertThat(rows).extracting(SourceRow::sourceRef)
                .containsExactly("book.xlsx sheet 许可 row 3", "book.xlsx sheet 许可 row 6");
        assertThat(rows.get(0).values()).isEqualTo(map("XK_WSH", "武市监许〔2024〕101号",
                "XK_XDR_SHXYM", "91330723MA2XXXXXX0", "XK_JDRQ", "2024-03-05", "XK_JSSJ", "2024-03-05T14:30:15",
                "COUNT", "12", "AREA", "1234.5", "BIG", "12000000"));
        assertThat(rows.get(1).values()).isEqualTo(map("XK_WSH", "武市监许〔2024〕102号", "XK_XDR_SHXYM", null,
                "XK_JDRQ", null, "XK_JSSJ", null, "COUNT", "0.1", "AREA", null, "BIG", null));
    }

    @Test
    void xlsxStructuralProblemsAreRejected() throws Exception {
        Path book = workbook();
        assertThat(reason(book, new FileLayout(FileFormat.XLSX, null, "Licences", List.of())))
                .isEqualTo("the workbook has no sheet named 'Licences' (sheets: Sheet1, 许可)");
        assertThat(reason(book, new FileLayout(FileFormat.XLSX, null, "许可", List.of("XK_WSH", "XK_ZT"))))
                .isEqualTo("header lacks column XK_ZT");

        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertThat(reason(file("noise.xlsx", noise), layout(FileFormat.XLSX, null)))
                .isEqualTo("the file is not an XLSX workbook (it does not start with a zip header)");
        // a truncated upload: its zip directory, at the end, is what goes missing (issue 13 item 8)
        assertThat(reason(file("empty.xlsx", new byte[0]), layout(FileFormat.XLSX, null)))
                .isEqualTo("the file is empty (0 bytes): expected an XLSX workbook");
        byte[] whole = Files.readAllBytes(book);
        for (int length : new int[] { 2000, whole.length * 2 / 3, whole.length - 30 }) {
            assertThat(reason(file("cut.xlsx", Arrays.copyOf(whole, length)), layout(FileFormat.XLSX, null)))
                    .as("cut at %d of %d bytes", length, whole.length)
                    .startsWith("the workbook is cut off: its zip directory").doesNotContain("Exception");
        }
    }
}
