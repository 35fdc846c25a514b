package org.onex.hub.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.onex.hub.schema.HubDates;

/**
 * Licence export files as a department's old licensing system writes them: the national 双公示 XK_*
 * columns as CSV (in any encoding, with or without a byte-order mark) or as an XLSX workbook. Used by
 * the embedded default's SFTP department, the tests and the benchmark. Files are written under a
 * temporary name and renamed, as a careful exporter would.
 */
public final class LicenceFiles {

    public static final List<String> COLUMNS = List.of("XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_FRDB", "XK_XKWS",
            "XK_WSH", "XK_XKLB", "XK_XKZS", "XK_NR", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI", "XK_XKJG", "XK_ZT");
    private static final String[] LICENCES = { "排污许可证", "建设项目环境影响报告表审批", "危险废物经营许可证", "辐射安全许可证" };

    private LicenceFiles() {
    }

    /** Row {@code n} of a synthetic export; the same {@code n} and {@code revision} always give the same row. */
    public static Map<String, String> row(long n, int revision) {
        Random r = new Random(n * 7919 + 17);
        LocalDate decided = LocalDate.of(2026, 1, 5).plusDays(n % 300);
        String licence = LICENCES[(int) (n % LICENCES.length)];
        Map<String, String> row = new LinkedHashMap<>();
        row.put("XK_XDR_MC", SyntheticData.companyName(r));
        row.put("XK_XDR_LB", "02");
        row.put("XK_XDR_SHXYM", SyntheticData.creditCode(r));
        row.put("XK_FRDB", SyntheticData.personName(r));
        row.put("XK_XKWS", licence + "准予许可决定书");
        row.put("XK_WSH", String.format("武环许字〔%d〕第%06d号", decided.getYear(), n));
        row.put("XK_XKLB", "0" + (1 + n % 5));
        row.put("XK_XKZS", licence);
        row.put("XK_NR", revision == 0 ? "准予" + licence : "准予" + licence + "（第" + revision + "次变更）");
        row.put("XK_JDRQ", decided.toString());
        row.put("XK_YXQZ", decided.toString());
        row.put("XK_YXQZI", decided.plusYears(5).toString());
        row.put("XK_XKJG", "金华市生态环境局武义分局");
        row.put("XK_ZT", "1");
        return row;
    }

    /** Writes rows {@code first .. first+count-1} (revision 0) as CSV. */
    public static void csv(Path file, Charset charset, boolean bom, long first, long count) throws IOException {
        csv(file, charset, bom, java.util.stream.LongStream.range(first, first + count).mapToObj(n -> row(n, 0)).iterator());
    }

    public static void csv(Path file, Charset charset, boolean bom, java.util.Iterator<Map<String, String>> rows)
            throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, charset);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            if (bom) {
                w.write('\uFEFF');
            }
            out.printRecord(COLUMNS);
            while (rows.hasNext()) {
                out.printRecord(rows.next().values());
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes rows as an XLSX workbook with one sheet; dates as real date cells, as Excel users keep them. */
    public static void xlsx(Path file, String sheetName, List<Map<String, String>> rows) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(tmp)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                int c = 0;
                for (Map.Entry<String, String> e : rows.get(i).entrySet()) {
                    var cell = row.createCell(c++);
                    if (e.getKey().equals("XK_JDRQ") || e.getKey().equals("XK_YXQZ") || e.getKey().equals("XK_YXQZI")) {
                        cell.setCellValue(LocalDate.parse(e.getValue()));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(e.getValue());
                    }
                }
            }
            wb.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Today in the hub's zone, as departments name their daily exports. */
    static String today() {
        return LocalDate.now(HubDates.ZONE).toString().replace("-", "");
    }
}
