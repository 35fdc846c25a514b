package org.onex.hub.ingest.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of one sheet of an XLSX workbook with POI's SAX event API (a workbook is never loaded
 * whole): the first non-empty row is the header, missing cells are null, dates come out as ISO text and
 * other numbers in plain form, text cells (credit codes) stay text. Zip bombs are stopped by POI's
 * ZipSecureFile ({@link FileLimits#MIN_INFLATE_RATIO}); the shared strings, which POI keeps in memory,
 * are bounded by {@link FileLimits#MAX_SHARED_STRINGS_BYTES}.
 */
final class XlsxRows {

    static {
        ZipSecureFile.setMinInflateRatio(FileLimits.MIN_INFLATE_RATIO);
    }

    private XlsxRows() {
    }

    static long read(Path file, String displayName, String sheet, List<String> required, RowSink sink)
            throws FileRejectedException, IOException {
        if (!file.toFile().isFile()) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new FileRejectedException(FileReason.EMPTY_FILE, "the file is empty (0 bytes): expected an XLSX workbook");
        }
        WorkbookCheck.beforeOpening(file);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            WorkbookCheck.afterOpening(workbook);
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream stream = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (sheet == null || sheet.equalsIgnoreCase(name)) {
                        SheetRows rows = new SheetRows(displayName + " sheet " + name + " row ", required, sink);
                        parse(stream, new FormulaCells(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                                sharedStrings(workbook), rows, new IsoCellFormatter(), false), rows));
                        if (!rows.hasHeader()) {
                            throw empty(name, sheets.getSheetPart());
                        }
                        return rows.count();
                    }
                    names.add(name);
                }
            }
            throw new FileRejectedException(FileReason.XLSX_NO_SHEET, sheet == null ? "the workbook has no sheets"
                    : "the workbook has no sheet named '" + sheet + "' (sheets: " + String.join(", ", names) + ")");
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                | UnsupportedFileFormatException | POIXMLException | OpenXML4JRuntimeException e) {
            throw unreadable(e);
        } catch (FileSystemException e) {
            throw e; // the file is missing or unreadable, not broken: worth trying again
        } catch (IOException e) {
            // a local file that opened but cannot be unzipped (truncated entry, zip bomb guard) stays broken
            throw unreadable(e);
        }
    }

    /** The shared strings, read through a bound: POI holds them in memory whole. */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage workbook) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(workbook, false);
        }
        // phonetic runs (pinyin guides WPS may store) are not part of the cell text
        try (InputStream in = new Bounded(parts.get(0).getInputStream(), FileLimits.MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    private static FileRejectedException empty(String sheetName, PackagePart part) throws OpenXML4JException {
        if (!part.getRelationshipsByType(XSSFRelation.DRAWINGS.getRelation()).isEmpty()) {
            return new FileRejectedException(FileReason.XLSX_IMAGES_ONLY, "the sheet '" + sheetName + "' holds only"
                    + " pictures or drawings, no cells: paste the data as cells, not as an image");
        }
        return new FileRejectedException(FileReason.XLSX_EMPTY_SHEET, "the sheet '" + sheetName
                + "' is empty: expected a header row");
    }

    private static void parse(InputStream sheet, FormulaCells handler)
            throws FileRejectedException, IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(sheet));
        } catch (SheetRows.Stop stop) {
            throw stop.rejection();
        } catch (SAXException e) {
            if (e.getException() instanceof SheetRows.Stop stop) {
                throw stop.rejection();
            }
            throw e;
        }
    }

    /** The specific reason for an exception POI threw while opening or reading the workbook. */
    private static FileRejectedException unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Bounded.TooLarge) {
                return new FileRejectedException(FileReason.XLSX_SHARED_STRINGS_TOO_LARGE, "the workbook's shared"
                        + " strings expand to more than " + (FileLimits.MAX_SHARED_STRINGS_BYTES >> 20) + " MB, more"
                        + " than the hub holds in memory for one file; split the export", e);
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected")) {
                int entry = message.indexOf("Entry: ");
                String part = entry < 0 ? "a part" : message.substring(entry + 7).strip().split("\\s")[0];
                return new FileRejectedException(FileReason.XLSX_ZIP_BOMB, part + " expands more than "
                        + Math.round(1 / FileLimits.MIN_INFLATE_RATIO) + " times its compressed size or beyond"
                        + " POI's size limit (zip bomb guard); nothing was read beyond it", e);
            }
        }
        return new FileRejectedException(FileReason.XLSX_UNREADABLE, "not a readable XLSX workbook: " + shortCause(e), e);
    }

    /** The first sentence of the deepest message: POI's messages go on to explain OOXML at length. */
    private static String shortCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int end = message.indexOf(". ");
        return end > 0 ? message.substring(0, end) : message;
    }

    /** An input stream that fails once more than {@code max} bytes were read from it. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge();
            }
        }

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("shared strings larger than " + FileLimits.MAX_SHARED_STRINGS_BYTES + " bytes");
            }
        }
    }
}
