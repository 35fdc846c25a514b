package org.onex.hub.faults.corpus;

import static org.onex.hub.faults.corpus.CorpusDrop.XLSX;
import static org.onex.hub.faults.corpus.CsvCorpus.name;
import static org.onex.hub.faults.corpus.CsvCorpus.write;
import static org.onex.hub.faults.corpus.Expected.accepted;
import static org.onex.hub.faults.corpus.Expected.rejected;
import static org.onex.hub.faults.corpus.Expected.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onex.hub.faults.corpus.MalformedCorpus.Entry;
import org.onex.hub.ingest.file.FileLimits;
import org.onex.hub.ingest.file.FileReason;
import org.onex.hub.mapping.Rules;

/** The XLSX files of the corpus: not-workbooks, cut-offs, legacy/encrypted/macro books, bombs, pictures, cells. */
final class WorkbookCorpus {

    private static final String SHEET = "许可";
    private static final List<String> COLUMNS = CorpusRows.COLUMNS;

    private WorkbookCorpus() {
    }

    static List<Entry> entries(CorpusRows rows) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("empty.xlsx", XLSX, "0 bytes", f -> write(f, new byte[0],
                rejected(FileReason.EMPTY_FILE, "the file is empty (0 bytes): expected an XLSX workbook"))));
        e.add(new Entry("csv-named.xlsx", XLSX, "a GB18030 CSV export saved with the .xlsx extension",
                f -> write(f, CorpusRows.csv(COLUMNS, rows.rows(name(f), 2), "\r\n").getBytes("GB18030"),
                        rejected(FileReason.XLSX_NOT_A_WORKBOOK, "a CSV file named .xlsx?"))));
        e.add(new Entry("truncated.xlsx", XLSX, "workbook upload cut at two thirds", f -> {
            byte[] whole = bytes(book(rows.rows(name(f), 50)));
            return write(f, Arrays.copyOf(whole, whole.length * 2 / 3), rejected(FileReason.XLSX_TRUNCATED,
                    "the workbook is cut off"));
        }));
        e.add(new Entry("legacy-xls.xlsx", XLSX, "Excel 97-2003 .xls renamed .xlsx", f -> {
            try (HSSFWorkbook xls = new HSSFWorkbook()) {
                fill(xls, rows.rows(name(f), 2));
                return write(f, bytes(xls), rejected(FileReason.XLSX_LEGACY_XLS, "Excel 97-2003 workbook (.xls)"));
            }
        }));
        e.add(new Entry("password.xlsx", XLSX, "workbook saved with a password to open", f -> {
            encrypted(f, book(rows.rows(name(f), 2)));
            return rejected(FileReason.XLSX_ENCRYPTED, "password-protected (encrypted)");
        }));
        e.add(new Entry("macros.xlsx", XLSX, ".xlsm with a Workbook_Open macro, renamed .xlsx", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            RawXlsx.sheet(SHEET, w -> rows(w, r)).macros().write(f);
            return rejected(FileReason.XLSX_MACROS, "the workbook contains macros");
        }));
        e.add(new Entry("zip-bomb.xlsx", XLSX, "sheet1.xml of 64 MB of blanks in a ~64 KB zip (ratio ~1000:1)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 1);
            String blanks = " ".repeat(1 << 20);
            RawXlsx.sheet(SHEET, w -> {
                rows(w, r);
                for (int i = 0; i < 64; i++) {
                    w.write(blanks);
                }
            }).write(f, Deflater.BEST_COMPRESSION);
            return rejected(FileReason.XLSX_ZIP_BOMB, "xl/worksheets/sheet1.xml expands more than 100 times");
        }));
        e.add(new Entry("huge-shared-strings.xlsx", XLSX, "sharedStrings.xml of ~70 MB of distinct strings (ratio ~10:1,"
                + " no zip bomb, too much for memory)", f -> {
                    Random random = new Random(13);
                    RawXlsx.sheet(SHEET, w -> w.write(sharedHeader())).sharedStrings(w -> {
                        for (String c : COLUMNS) {
                            w.write("<si><t>" + c + "</t></si>");
                        }
                        long limit = FileLimits.MAX_SHARED_STRINGS_BYTES + (6L << 20);
                        StringBuilder chunk = new StringBuilder();
                        for (long written = 0, n = 0; written < limit; n++) {
                            chunk.setLength(0);
                            chunk.append("<si><t>准予排污许可第").append(n).append("号 ")
                                    .append(Long.toHexString(random.nextLong() & 0xFFFFFFFFL)).append("</t></si>");
                            w.write(chunk.toString());
                            written += chunk.length() + 12;
                        }
                    }).write(f, Deflater.BEST_SPEED);
                    return rejected(FileReason.XLSX_SHARED_STRINGS_TOO_LARGE, "shared strings expand to more than");
                }));
        e.add(new Entry("images-only.xlsx", XLSX, "a sheet holding only a pasted screenshot of the ledger", f -> {
            RawXlsx.sheet(SHEET, w -> { }).picture().write(f);
            return rejected(FileReason.XLSX_IMAGES_ONLY, "holds only pictures or drawings");
        }));
        e.add(new Entry("empty-sheet.xlsx", XLSX, "a workbook whose only sheet has no rows", f -> {
            RawXlsx.sheet(SHEET, w -> { }).write(f);
            return rejected(FileReason.XLSX_EMPTY_SHEET, "the sheet '许可' is empty");
        }));
        e.add(new Entry("duplicate-header.xlsx", XLSX, "XK_XDR_MC twice in the header row", f -> {
            List<String> header = new ArrayList<>(COLUMNS);
            header.add("XK_XDR_MC");
            RawXlsx.sheet(SHEET, w -> w.write(RawXlsx.row(1, header))).write(f);
            return rejected(FileReason.DUPLICATE_COLUMN, "header names column XK_XDR_MC twice");
        }));
        e.add(new Entry("formula-cells.xlsx", XLSX, "=cmd|' /C calc'!A0 as text, a formula without a value, a DDE"
                + " formula with #REF!; a formula with a value, -1.5 and +86 are data", f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 6);
                    r.get(0).put("XK_XDR_MC", "=cmd|' /C calc'!A0");
                    r.get(4).put("XK_NR", "+86 571 8888 8888");
                    RawXlsx.sheet(SHEET, w -> {
                        w.write(RawXlsx.row(1, COLUMNS));
                        w.write(RawXlsx.row(2, values(r.get(0))));
                        w.write(withCell(3, r.get(1), "<c r=\"I3\"><f>HYPERLINK(\"http://example.invalid\",\"点击\")</f></c>"));
                        w.write(withCell(4, r.get(2), "<c r=\"I4\" t=\"str\"><f>CONCATENATE(\"准予\",\"排污许可\")</f>"
                                + "<v>准予排污许可</v></c>"));
                        w.write(withCell(5, r.get(3), "<c r=\"I5\"><v>-1.5</v></c>"));
                        w.write(RawXlsx.row(6, values(r.get(4))));
                        w.write(withCell(7, r.get(5), "<c r=\"I7\" t=\"e\"><f>cmd|' /C calc'!A0</f><v>#REF!</v></c>"));
                    }).write(f);
                    return accepted(3, "computed values and numbers pass", row("sheet 许可 row 2", Rules.FORMULA_CELL),
                            row("sheet 许可 row 3", Rules.FORMULA_CELL), row("sheet 许可 row 7", Rules.FORMULA_CELL));
                }));
        e.add(new Entry("mixed-date-cells.xlsx", XLSX, "决定日期 as a date cell, as text 2026年3月1日, 有效期至 长期;"
                + " a date typed as the serial number 46027 in General format", f -> {
                    List<Map<String, String>> r = rows.rows(name(f), 4);
                    r.get(1).put("XK_JDRQ", "2026年3月1日");
                    r.get(1).put("XK_YXQZ", "2026年3月1日");
                    r.get(2).put("XK_YXQZI", "长期");
                    try (XSSFWorkbook book = new XSSFWorkbook()) {
                        Sheet sheet = fill(book, r);
                        CellStyle date = book.createCellStyle();
                        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                        var dateCell = sheet.getRow(1).getCell(9);
                        dateCell.setCellValue(java.time.LocalDate.parse(r.get(0).get("XK_JDRQ")));
                        dateCell.setCellStyle(date);
                        sheet.getRow(4).getCell(9).setCellValue(46027); // 2026-01-05 without a date format
                        return write(f, bytes(book), accepted(3, "date cells, Chinese text dates and 长期",
                                row("sheet 许可 row 5", Rules.MAPPING_TYPE)));
                    }
                }));
        e.add(new Entry("huge-cell.xlsx", XLSX, "a 40,000-character inline string (beyond Excel's 32,767)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            r.get(1).put("XK_NR", randomChinese(new Random(7), 40_000)); // random: a repeat would trip the bomb guard
            RawXlsx.sheet(SHEET, w -> rows(w, r)).write(f);
            return accepted(1, "one oversized cell", row("sheet 许可 row 3", Rules.VALUE_TOO_LONG));
        }));
        return e;
    }

    private static List<String> values(Map<String, String> row) {
        return new ArrayList<>(row.values());
    }

    private static void rows(java.io.Writer w, List<Map<String, String>> rows) throws IOException {
        w.write(RawXlsx.row(1, COLUMNS));
        for (int i = 0; i < rows.size(); i++) {
            w.write(RawXlsx.row(i + 2, values(rows.get(i))));
        }
    }

    /** Row {@code number} with column I (XK_NR) replaced by the raw cell XML {@code cell}. */
    private static String withCell(int number, Map<String, String> row, String cell) {
        List<String> v = values(row);
        int nr = COLUMNS.indexOf("XK_NR");
        v.set(nr, null);
        String xml = RawXlsx.row(number, v);
        String next = RawXlsx.inline(RawXlsx.column(nr + 1) + number, v.get(nr + 1));
        return xml.replace(next, cell + next);
    }

    private static String sharedHeader() {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (int c = 0; c < COLUMNS.size(); c++) {
            row.append("<c r=\"").append(RawXlsx.column(c)).append("1\" t=\"s\"><v>").append(c).append("</v></c>");
        }
        return row.append("</row>").toString();
    }

    private static XSSFWorkbook book(List<Map<String, String>> rows) {
        XSSFWorkbook book = new XSSFWorkbook();
        fill(book, rows);
        return book;
    }

    private static Sheet fill(Workbook book, List<Map<String, String>> rows) {
        Sheet sheet = book.createSheet(SHEET);
        Row header = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            header.createCell(c).setCellValue(COLUMNS.get(c));
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i + 1);
            int c = 0;
            for (String value : rows.get(i).values()) {
                row.createCell(c++).setCellValue(value);
            }
        }
        return sheet;
    }

    private static byte[] bytes(Workbook book) throws IOException {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void encrypted(Path file, XSSFWorkbook book) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("county-2026");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(bytes(book));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt the corpus workbook", e);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
    }

    private static String randomChinese(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        return text.toString();
    }
}
