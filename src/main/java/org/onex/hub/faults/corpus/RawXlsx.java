package org.onex.hub.faults.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal XLSX package part by part, for workbooks POI would refuse to write: cells beyond
 * Excel's 32,767 characters, formulas without a computed value, parts that expand a thousandfold, a
 * VBA project, a sheet with only a picture. Parts are given as text or streamed by a {@link Part}.
 */
final class RawXlsx {

    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    /** Writes the text of one part. */
    @FunctionalInterface
    interface Part {
        void write(Writer out) throws IOException;
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final StringBuilder overrides = new StringBuilder();
    private final StringBuilder sheetRels = new StringBuilder();
    private final StringBuilder workbookRels = new StringBuilder();
    private String workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private byte[] binaryName;
    private String binaryPath;

    /** A workbook with one sheet named {@code sheetName} whose {@code <sheetData>} is {@code sheetData}. */
    static RawXlsx sheet(String sheetName, Part sheetData) {
        RawXlsx x = new RawXlsx();
        x.parts.put("xl/workbook.xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + NS
                + "\" xmlns:r=\"" + REL + "\"><sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>"));
        x.workbookRels.append("<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
        x.overrides.append(override("/xl/worksheets/sheet1.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
        x.parts.put("xl/worksheets/sheet1.xml", w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\" xmlns:r=\"" + REL
                    + "\"><sheetData>");
            sheetData.write(w);
            w.write("</sheetData>" + x.sheetTail() + "</worksheet>");
        });
        return x;
    }

    /** Adds a shared-strings part. */
    RawXlsx sharedStrings(Part strings) {
        workbookRels.append("<Relationship Id=\"rId2\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        overrides.append(override("/xl/sharedStrings.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"));
        parts.put("xl/sharedStrings.xml", w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + NS + "\">");
            strings.write(w);
            w.write("</sst>");
        });
        return this;
    }

    /** Makes it a macro-enabled workbook with a VBA project (an .xlsm). */
    RawXlsx macros() {
        workbookType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
        workbookRels.append("<Relationship Id=\"rId3\" Type=\"http://schemas.microsoft.com/office/2006/relationships/"
                + "vbaProject\" Target=\"vbaProject.bin\"/>");
        overrides.append(override("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject"));
        binaryPath = "xl/vbaProject.bin";
        binaryName = "Attribute VB_Name = \"ThisWorkbook\"\r\nSub Workbook_Open()\r\nShell \"calc.exe\"\r\nEnd Sub\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        return this;
    }

    /** Puts a picture (a drawing part) on the sheet. */
    RawXlsx picture() {
        sheetRels.append("<Relationship Id=\"rId1\" Type=\"" + REL + "/drawing\" Target=\"../drawings/drawing1.xml\"/>");
        overrides.append(override("/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"));
        parts.put("xl/drawings/drawing1.xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"/>"));
        return this;
    }

    private String sheetTail() {
        return sheetRels.length() == 0 ? "" : "<drawing r:id=\"rId1\"/>";
    }

    void write(Path file, int level) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(level);
            text(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\""
                    + " ContentType=\"application/xml\"/>" + override("/xl/workbook.xml", workbookType) + overrides
                    + "</Types>");
            text(zip, "_rels/.rels", rels("<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/>"));
            text(zip, "xl/_rels/workbook.xml.rels", rels(workbookRels.toString()));
            if (sheetRels.length() > 0) {
                text(zip, "xl/worksheets/_rels/sheet1.xml.rels", rels(sheetRels.toString()));
            }
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                part.getValue().write(w);
                w.flush();
                zip.closeEntry();
            }
            if (binaryPath != null) {
                zip.putNextEntry(new ZipEntry(binaryPath));
                zip.write(binaryName);
                zip.closeEntry();
            }
        }
    }

    void write(Path file) throws IOException {
        write(file, Deflater.DEFAULT_COMPRESSION);
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String rels(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_REL + "\">" + body
                + "</Relationships>";
    }

    private static String override(String part, String type) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
    }

    /** One row of inline-string cells, columns A, B, … in order; a null value leaves the cell out. */
    static String row(int number, List<String> values) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < values.size(); c++) {
            if (values.get(c) != null) {
                row.append(inline(column(c) + number, values.get(c)));
            }
        }
        return row.append("</row>").toString();
    }

    static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + escape(text) + "</t></is></c>";
    }

    static String column(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index))
                : String.valueOf((char) ('A' + index / 26 - 1)) + (char) ('A' + index % 26);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
