package org.onex.hub.faults.corpus;

import static org.onex.hub.faults.corpus.CorpusDrop.CSV_GB18030;
import static org.onex.hub.faults.corpus.CorpusDrop.CSV_GBK;
import static org.onex.hub.faults.corpus.CorpusDrop.CSV_UTF8;
import static org.onex.hub.faults.corpus.Expected.accepted;
import static org.onex.hub.faults.corpus.Expected.rejected;
import static org.onex.hub.faults.corpus.Expected.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.onex.hub.faults.corpus.MalformedCorpus.Entry;
import org.onex.hub.ingest.file.FileLimits;
import org.onex.hub.ingest.file.FileReason;
import org.onex.hub.mapping.Rules;

/** The CSV files of the corpus: encodings, byte-order marks, cut-offs, delimiters, quoting, headers, cells. */
final class CsvCorpus {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String CRLF = "\r\n";
    private static final List<String> COLUMNS = CorpusRows.COLUMNS;

    private CsvCorpus() {
    }

    static List<Entry> entries(CorpusRows rows) {
        List<Entry> e = new ArrayList<>();
        // --- empty, encodings, byte-order marks
        e.add(new Entry("empty.csv", CSV_UTF8, "0 bytes: the export job failed before writing",
                f -> write(f, new byte[0], rejected(FileReason.EMPTY_FILE, "the file is empty (0 bytes)"))));
        e.add(new Entry("blank-lines.csv", CSV_GB18030, "only blank lines (CRLF and spaces), no header",
                f -> write(f, "\r\n  \r\n\r\n".getBytes(GB18030), rejected(FileReason.BLANK_FILE, "found only blank lines"))));
        e.add(new Entry("utf8-in-gb18030-feed.csv", CSV_GB18030, "UTF-8 export dropped in the GB18030 folder",
                f -> write(f, csv(rows, f, 3).getBytes(StandardCharsets.UTF_8), rejected(FileReason.UTF8_IN_GB_FEED,
                        "the file is UTF-8 but the feed declares GB18030"))));
        e.add(new Entry("utf8-bom-in-gb18030-feed.csv", CSV_GB18030, "Excel 'CSV UTF-8' (with BOM) in the GB18030 folder",
                f -> write(f, bom(csv(rows, f, 3)), rejected(FileReason.UTF8_IN_GB_FEED,
                        "the file is UTF-8 (with byte-order mark) but the feed declares GB18030"))));
        e.add(new Entry("gb18030-in-utf8-feed.csv", CSV_UTF8, "GB18030 export dropped in the UTF-8 folder", f -> {
            byte[] bytes = csv(rows, f, 3).getBytes(GB18030);
            return write(f, bytes, rejected(FileReason.INVALID_BYTES, "bytes are not valid UTF-8 at offset "
                    + CorpusRows.firstInvalid(bytes, StandardCharsets.UTF_8)));
        }));
        e.add(new Entry("gb18030-only-char-in-gbk-feed.csv", CSV_GBK,
                "a company name with 𪚥 (CJK Ext-B, 4 bytes in GB18030, absent from GBK) in a GBK feed", f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 2);
                    r.get(1).put("XK_XDR_MC", "武义县𪚥记五金厂");
                    byte[] bytes = CorpusRows.csv(COLUMNS, r, CRLF).getBytes(GB18030);
                    return write(f, bytes, rejected(FileReason.INVALID_BYTES, "bytes are not valid GBK at offset "
                            + CorpusRows.firstInvalid(bytes, Charset.forName("GBK"))));
                }));
        e.add(new Entry("utf16le-bom.csv", CSV_UTF8, "Excel 'Unicode text' / Notepad 'Unicode': UTF-16LE with BOM",
                f -> write(f, ("\uFEFF" + csv(rows, f, 2)).getBytes(StandardCharsets.UTF_16LE),
                        rejected(FileReason.UTF16_FILE, "UTF-16LE (byte-order mark FF FE)"))));
        e.add(new Entry("utf16be-bom.csv", CSV_GB18030, "UTF-16BE with BOM in the GB18030 folder",
                f -> write(f, csv(rows, f, 2).getBytes(StandardCharsets.UTF_16), // Java's UTF-16 writes FE FF
                        rejected(FileReason.UTF16_FILE, "UTF-16BE (byte-order mark FE FF)"))));
        e.add(new Entry("utf16le-no-bom.csv", CSV_UTF8, "UTF-16LE without a byte-order mark (NUL between letters)",
                f -> write(f, csv(rows, f, 2).getBytes(StandardCharsets.UTF_16LE),
                        rejected(FileReason.UTF16_FILE, "the header contains NUL characters"))));
        e.add(new Entry("double-bom.csv", CSV_UTF8, "two UTF-8 byte-order marks (a tool added one to a file that had one)",
                f -> write(f, bom("\uFEFF" + csv(rows, f, 2)), rejected(FileReason.STRAY_BOM,
                        "header column 1 contains a byte-order mark"))));
        e.add(new Entry("utf8-bom.csv", CSV_UTF8, "UTF-8 with one BOM (Excel 'CSV UTF-8'): the BOM is skipped",
                f -> write(f, bom(csv(rows, f, 3)), accepted(3, "byte-order mark skipped"))));
        e.add(new Entry("gb18030-bom.csv", CSV_GB18030, "GB18030 with its own BOM (84 31 95 33): skipped",
                f -> write(f, concat(new byte[] { (byte) 0x84, 0x31, (byte) 0x95, 0x33 }, csv(rows, f, 2).getBytes(GB18030)),
                        accepted(2, "GB18030 byte-order mark skipped"))));
        // --- cut-off uploads
        e.add(new Entry("truncated-mid-char-gb18030.csv", CSV_GB18030, "upload cut inside a two-byte GB18030 character",
                f -> write(f, cutInsideLastChinese(csv(rows, f, 3), GB18030), rejected(FileReason.TRUNCATED_CHARACTER,
                        "the file ends in the middle of a GB18030 character"))));
        e.add(new Entry("truncated-mid-char-utf8.csv", CSV_UTF8, "upload cut inside a three-byte UTF-8 character",
                f -> write(f, cutInsideLastChinese(csv(rows, f, 3), StandardCharsets.UTF_8),
                        rejected(FileReason.TRUNCATED_CHARACTER, "the file ends in the middle of a UTF-8 character"))));
        e.add(new Entry("truncated-mid-row.csv", CSV_GB18030, "upload cut in the sixth field of the last row", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 4);
            String text = CorpusRows.csv(COLUMNS, r.subList(0, 3), CRLF)
                    + String.join(",", new ArrayList<>(r.get(3).values()).subList(0, 5)) + ",武环许";
            return write(f, text.getBytes(GB18030), rejected(FileReason.TRUNCATED_LAST_LINE,
                    "line 5: 6 fields, expected 14, in the last line"));
        }));
        e.add(new Entry("truncated-in-quotes.csv", CSV_UTF8, "upload cut inside a quoted multi-line 许可内容", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 3);
            r.get(2).put("XK_NR", "准予排污许可，\n主要污染物：化学需氧量、氨氮");
            String text = CorpusRows.csv(COLUMNS, r, CRLF);
            return write(f, text.substring(0, text.indexOf("主要污染物")).getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.UNCLOSED_QUOTE, "line 4: a quoted field is not closed"));
        }));
        // --- delimiters and quoting
        e.add(new Entry("semicolon.csv", CSV_UTF8, "semicolon-separated (European-locale Excel)",
                f -> write(f, delimited(rows, f, ";").getBytes(StandardCharsets.UTF_8),
                        rejected(FileReason.WRONG_DELIMITER, "separated by semicolons"))));
        e.add(new Entry("tab.csv", CSV_GB18030, "tab-separated text saved as .csv",
                f -> write(f, delimited(rows, f, "\t").getBytes(GB18030), rejected(FileReason.WRONG_DELIMITER,
                        "separated by tabs"))));
        e.add(new Entry("fullwidth-bar.csv", CSV_GB18030, "separated by full-width bars ｜ (a county system's own export)",
                f -> write(f, delimited(rows, f, "｜").getBytes(GB18030), rejected(FileReason.WRONG_DELIMITER,
                        "full-width bars (｜)"))));
        e.add(new Entry("quote-not-doubled.csv", CSV_UTF8, "a quote inside a quoted name not doubled: \"某公司\"分公司", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 3);
            String text = CorpusRows.csv(COLUMNS, r, CRLF).replace(r.get(1).get("XK_XDR_MC") + ",",
                    "\"" + r.get(1).get("XK_XDR_MC") + "\"武义分公司,");
            return write(f, text.getBytes(StandardCharsets.UTF_8), rejected(FileReason.TEXT_AFTER_QUOTE,
                    "line 3: text follows the closing quote"));
        }));
        e.add(new Entry("extra-field.csv", CSV_GB18030, "a row with a trailing comma (15 fields under 14 columns)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 3);
            String[] lines = CorpusRows.csv(COLUMNS, r, CRLF).split(CRLF);
            lines[2] = lines[2] + ",";
            return write(f, (String.join(CRLF, lines) + CRLF).getBytes(GB18030), rejected(FileReason.FIELD_COUNT,
                    "line 3: 15 fields, expected 14"));
        }));
        // --- headers
        e.add(new Entry("duplicate-header.csv", CSV_GB18030, "XK_WSH twice (a column appended by hand)",
                f -> write(f, withExtraColumn(rows, f, "XK_WSH").getBytes(GB18030), rejected(FileReason.DUPLICATE_COLUMN,
                        "header names column XK_WSH twice"))));
        e.add(new Entry("duplicate-header-case.csv", CSV_UTF8, "XK_JDRQ and xk_jdrq (names compare case-insensitively)",
                f -> write(f, withExtraColumn(rows, f, "xk_jdrq").getBytes(StandardCharsets.UTF_8),
                        rejected(FileReason.DUPLICATE_COLUMN, "header names column xk_jdrq twice"))));
        e.add(new Entry("missing-key-column.csv", CSV_GB18030, "the key column XK_WSH renamed XK_WSH_OLD",
                f -> write(f, csv(rows, f, 2).replaceFirst("XK_WSH", "XK_WSH_OLD").getBytes(GB18030),
                        rejected(FileReason.MISSING_COLUMN, "header lacks column XK_WSH"))));
        e.add(new Entry("chinese-display-headers.csv", CSV_GB18030, "headers as the clerk's sheet titles them (行政相对人名称…)",
                f -> write(f, CorpusRows.csv(CorpusRows.DISPLAY_NAMES, rows.rows(name(f), 2), CRLF).getBytes(GB18030),
                        rejected(FileReason.UNKNOWN_HEADER, "the header names none of the feed's columns"))));
        e.add(new Entry("header-only.csv", CSV_GB18030, "header and no rows: a day without licences",
                f -> write(f, (String.join(",", COLUMNS) + CRLF).getBytes(GB18030), accepted(0, "no rows: nothing to store"))));
        // --- cells
        e.add(new Entry("huge-cell-10mb.csv", CSV_UTF8, "a 10 MB cell (a scanned document pasted as base64)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            r.get(1).put("XK_NR", "iVBORw0KGgo".repeat(10 * 1024 * 1024 / 11));
            return write(f, CorpusRows.csv(COLUMNS, r, CRLF).getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.RECORD_TOO_LONG, "line 3: a record longer than " + FileLimits.MAX_RECORD_CHARS));
        }));
        e.add(new Entry("long-cell-40k.csv", CSV_UTF8, "a 40,000-character 许可内容 (more than a spreadsheet cell holds)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 3);
            r.get(1).put("XK_NR", "准予排污许可。".repeat(40_000 / 7 + 1));
            return write(f, CorpusRows.csv(COLUMNS, r, CRLF).getBytes(StandardCharsets.UTF_8),
                    accepted(2, "one oversized cell", row("line 3", Rules.VALUE_TOO_LONG)));
        }));
        e.add(new Entry("crlf-lf-mixed.csv", CSV_UTF8, "CRLF and LF mixed, a quoted line break, a bad 类别 code on line 5",
                f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 4);
                    r.get(1).put("XK_NR", "准予排污许可，\r\n有效期五年");
                    r.get(2).put("XK_XDR_LB", "09");
                    String text = String.join(",", COLUMNS) + CRLF + CorpusRows.line(values(r.get(0)), ",") + "\n"
                            + CorpusRows.line(values(r.get(1)), ",") + CRLF + CorpusRows.line(values(r.get(2)), ",")
                            + "\n" + CorpusRows.line(values(r.get(3)), ",") + CRLF;
                    return write(f, text.getBytes(StandardCharsets.UTF_8), accepted(3, "line endings mixed",
                            row("line 5", Rules.MAPPING_CODE_UNKNOWN)));
                }));
        e.add(new Entry("mixed-dates.csv", CSV_GB18030, "决定日期 as 2026-1-5, 2026/01/06, 2026年1月7日, 20260108, 长期;"
                + " 05/01/2026 and 2026-02-30 are not dates", f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 6);
                    String[] dates = { "2026-1-5", "2026/01/06", "2026年1月7日", "20260108", "05/01/2026", "2026-02-30" };
                    for (int i = 0; i < dates.length; i++) {
                        r.get(i).put("XK_JDRQ", dates[i]);
                        r.get(i).put("XK_YXQZ", "2026-01-05");
                    }
                    r.get(3).put("XK_YXQZI", "长期");
                    return write(f, CorpusRows.csv(COLUMNS, r, CRLF).getBytes(GB18030), accepted(4, "dates in four layouts",
                            row("line 6", Rules.MAPPING_TYPE), row("line 7", Rules.MAPPING_TYPE)));
                }));
        e.add(new Entry("formula-dde.csv", CSV_GB18030, "=cmd|' /C calc'!A0 as a company name; -, +86 phone, -1.5 are data",
                f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 4);
                    r.get(0).put("XK_XDR_MC", "=cmd|' /C calc'!A0");
                    r.get(1).put("XK_NR", "-");
                    r.get(2).put("XK_NR", "+86 138 0000 0000");
                    r.get(3).put("XK_NR", "-1.5");
                    return write(f, CorpusRows.csv(COLUMNS, r, CRLF).getBytes(GB18030), accepted(3,
                            "legit -, +86 and -1.5 pass", row("line 2", Rules.FORMULA_CELL)));
                }));
        e.add(new Entry("formula-plus-minus-at.csv", CSV_UTF8, "+SUM(1,2), -2+3+cmd|' /C calc'!A0, @SUM(A1:A9) cells",
                f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 4);
                    r.get(0).put("XK_NR", "+SUM(1,2)");
                    r.get(1).put("XK_XKJG", "-2+3+cmd|' /C calc'!A0");
                    r.get(2).put("XK_FRDB", "@SUM(A1:A9)");
                    return write(f, CorpusRows.csv(COLUMNS, r, CRLF).getBytes(StandardCharsets.UTF_8), accepted(1,
                            "+, - and @ formulas", row("line 2", Rules.FORMULA_CELL), row("line 3", Rules.FORMULA_CELL),
                            row("line 4", Rules.FORMULA_CELL)));
                }));
        return e;
    }

    static Expected write(Path file, byte[] bytes, Expected expected) throws IOException {
        Files.write(file, bytes);
        return expected;
    }

    static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String csv(CorpusRows rows, Path file, int count) {
        return CorpusRows.csv(COLUMNS, rows.rows(name(file), count), CRLF);
    }

    private static List<String> values(Map<String, String> row) {
        return new ArrayList<>(row.values());
    }

    private static String delimited(CorpusRows rows, Path file, String delimiter) {
        StringBuilder text = new StringBuilder(String.join(delimiter, COLUMNS)).append(CRLF);
        for (Map<String, String> r : rows.rows(name(file), 2)) {
            text.append(String.join(delimiter, r.values())).append(CRLF);
        }
        return text.toString();
    }

    private static String withExtraColumn(CorpusRows rows, Path file, String column) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.add(column);
        StringBuilder text = new StringBuilder(String.join(",", header)).append(CRLF);
        for (Map<String, String> r : rows.rows(name(file), 2)) {
            text.append(String.join(",", r.values())).append(",").append(r.get(column.toUpperCase())).append(CRLF);
        }
        return text.toString();
    }

    private static byte[] bom(String text) {
        return concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text's bytes cut one byte into its last Chinese character. */
    private static byte[] cutInsideLastChinese(String text, Charset charset) {
        String trimmed = text.stripTrailing();
        int last = trimmed.length() - 1;
        while (trimmed.charAt(last) < 0x80) {
            last--;
        }
        byte[] before = trimmed.substring(0, last).getBytes(charset);
        byte[] ch = trimmed.substring(last, last + 1).getBytes(charset);
        return Arrays.copyOf(concat(before, ch), before.length + 1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
