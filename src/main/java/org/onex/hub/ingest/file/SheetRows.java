package org.onex.hub.ingest.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.onex.hub.ingest.SourceRow;

/**
 * Collects one worksheet row's cells by column and hands the row to the sink when it ends; the first
 * non-empty row is the header. A formula cell gives the value Excel last computed for it (a department's
 * =TODAY() or =A2&B2 is data); one with no computed value, or an error, gives its formula text with the
 * leading '=', which the mapping quarantines as a formula cell instead of storing
 * "ERROR:#REF!" or nothing.
 */
final class SheetRows implements SheetContentsHandler {

    private final String refPrefix;
    private final List<String> required;
    private final RowSink sink;
    private final Map<Integer, String> cells = new TreeMap<>();
    private Header header;
    private int nextColumn;
    private long count;
    private String cellRef;
    private String formula;
    private boolean emitted;

    SheetRows(String refPrefix, List<String> required, RowSink sink) {
        this.refPrefix = refPrefix;
        this.required = required;
        this.sink = sink;
    }

    /** A {@code <c>} element starts (called by {@link FormulaCells}). */
    void beginCell(String reference) {
        cellRef = reference;
        formula = null;
        emitted = false;
    }

    /** The cell's {@code <f>} text. */
    void formula(String text) {
        formula = text;
    }

    /** The {@code <c>} element ends: a formula without a computed value still yields its text. */
    void endCell() {
        if (formula != null && !emitted) {
            cell(cellRef, null, null);
        }
        formula = null;
    }

    @Override
    public void startRow(int rowNum) {
        cells.clear();
        nextColumn = 0;
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
        emitted = true;
        if (formula != null && (value == null || value.isEmpty() || value.startsWith("ERROR:"))) {
            value = "=" + formula;
        }
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

    /** True once the header row was read. */
    boolean hasHeader() {
        return header != null;
    }

    long count() {
        return count;
    }

    /** Carries a rejection out of the SAX callbacks, which cannot throw checked exceptions. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FileRejectedException rejection;

        Stop(FileRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }

        FileRejectedException rejection() {
            return rejection;
        }
    }
}
