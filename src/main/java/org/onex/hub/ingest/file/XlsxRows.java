package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.onex.hub.ingest.SourceRow;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of one sheet of an XLSX workbook with POI's SAX event API (a workbook is never loaded
 * whole): the first non-empty row is the header, missing cells are null, dates come out as ISO text and
 * other numbers in plain form, text cells (credit codes) stay text.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static long read(Path file, String displayName, String sheet, List<String> required, RowSink sink)
            throws FileRejectedException, IOException {
        if (!file.toFile().isFile()) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new FileRejectedException("the file is empty (0 bytes): expected an XLSX workbook");
        }
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream stream = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (sheet == null || sheet.equalsIgnoreCase(name)) {
                        Rows rows = new Rows(displayName + " sheet " + name + " row ", required, sink);
                        // phonetic runs (pinyin guides WPS may store) are not part of the cell text
                        var strings = new ReadOnlySharedStringsTable(workbook, false);
                        parse(stream, new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
                                new IsoCellFormatter(), false));
                        return rows.finish(name);
                    }
                    names.add(name);
                }
            }
            throw new FileRejectedException(sheet == null ? "the workbook has no sheets"
                    : "the workbook has no sheet named '" + sheet + "' (sheets: " + String.join(", ", names) + ")");
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                | UnsupportedFileFormatException | POIXMLException | OpenXML4JRuntimeException e) {
            throw new FileRejectedException("not a readable XLSX workbook: " + shortCause(e), e);
        } catch (FileSystemException e) {
            throw e; // the file is missing or unreadable, not broken: worth trying again
        } catch (IOException e) {
            // a local file that opened but cannot be unzipped (truncated entry, zip bomb guard) stays broken
            throw new FileRejectedException("not a readable XLSX workbook: " + shortCause(e), e);
        }
    }

    private static void parse(InputStream sheet, XSSFSheetXMLHandler handler)
            throws FileRejectedException, IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(sheet));
        } catch (Stop stop) {
            throw stop.rejection;
        } catch (SAXException e) {
            if (e.getException() instanceof Stop) {
                throw ((Stop) e.getException()).rejection;
            }
            throw e;
        }
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

    /** Carries a rejection out of the SAX callbacks, which cannot throw checked exceptions. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FileRejectedException rejection;

        Stop(FileRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }
    }

    /** Collects one row's cells by column and hands it to the sink when the row ends. */
    private static final class Rows implements SheetContentsHandler {
        private final String refPrefix;
        private final List<String> required;
        private final RowSink sink;
        private final Map<Integer, String> cells = new TreeMap<>();
        private Header header;
        private int nextColumn;
        private long count;

        Rows(String refPrefix, List<String> required, RowSink sink) {
            this.refPrefix = refPrefix;
            this.required = required;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellAddress(reference).getColumn();
            nextColumn = column + 1;
            if (value != null && !value.isBlank()) {
                cells.put(column, value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.isEmpty()) {
                return;
            }
            if (header == null) {
                header = header();
                return;
            }
            Map<String, Object> row = header.emptyRow();
            cells.forEach((column, value) -> {
                String name = header.name(column);
                if (name != null) {
                    row.put(name, value);
                }
            });
            sink.accept(new SourceRow(row, refPrefix + (rowNum + 1)));
            count++;
        }

        private Header header() {
            List<String> names = new ArrayList<>();
            cells.forEach((column, value) -> {
                while (names.size() < column) {
                    names.add(null);
                }
                names.add(value);
            });
            try {
                return Header.of(names, required);
            } catch (FileRejectedException e) {
                throw new Stop(e);
            }
        }

        long finish(String sheetName) throws FileRejectedException {
            if (header == null) {
                throw new FileRejectedException("the sheet '" + sheetName + "' is empty: expected a header row");
            }
            return count;
        }
    }
}
