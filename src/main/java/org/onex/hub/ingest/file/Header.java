package org.onex.hub.ingest.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The column names of a CSV header line or a workbook's header row, checked against the columns the
 * feed's mapping reads. Names compare case-insensitively, as rows do; a blank name marks a column that
 * is skipped (Excel exports often end every line with an empty column).
 */
final class Header {

    private final List<String> names;

    private Header(List<String> names) {
        this.names = names;
    }

    /**
     * Checks {@code cells} (null or blank = unnamed column): no stray byte-order mark or NUL, more than one
     * column when one is expected, no duplicates, every required column.
     */
    static Header of(List<String> cells, List<String> required) throws FileRejectedException {
        List<String> named = cells.stream().filter(c -> c != null && !c.isBlank()).toList();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && cell.indexOf('\uFEFF') >= 0) {
                throw new FileRejectedException(FileReason.STRAY_BOM, "header column " + (i + 1) + " contains a"
                        + " byte-order mark (U+FEFF): the file has a second BOM or was pasted together from files");
            }
            if (cell != null && cell.indexOf('\u0000') >= 0) {
                throw new FileRejectedException(FileReason.UTF16_FILE, "the header contains NUL characters: the file"
                        + " is probably UTF-16 without a byte-order mark; export it in the feed's encoding");
            }
        }
        if (named.size() == 1 && required != null && required.size() > 1) {
            String delimiter = delimiter(named.get(0));
            if (delimiter != null) {
                throw new FileRejectedException(FileReason.WRONG_DELIMITER, "the header is a single column"
                        + " containing " + delimiter + ": the file is separated by " + delimiter
                        + ", the feed reads comma-separated values");
            }
        }
        List<String> names = new ArrayList<>(cells.size());
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String cell : cells) {
            String name = cell == null || cell.isBlank() ? null : cell.strip();
            if (name != null && !seen.add(name)) {
                throw new FileRejectedException(FileReason.DUPLICATE_COLUMN, "header names column " + name + " twice");
            }
            names.add(name);
        }
        List<String> missing = required == null ? List.of()
                : required.stream().filter(column -> !seen.contains(column)).toList();
        if (missing.size() > 1 && missing.size() == required.size()) {
            throw new FileRejectedException(FileReason.UNKNOWN_HEADER, "the header names none of the feed's columns"
                    + " (expected " + first(required) + "; found " + first(named) + "): is this the export the"
                    + " feed's mapping reads?");
        }
        if (missing.size() == 1) {
            throw new FileRejectedException(FileReason.MISSING_COLUMN, "header lacks column " + missing.get(0));
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException(FileReason.MISSING_COLUMN, "header lacks columns "
                    + String.join(", ", missing));
        }
        return new Header(names);
    }

    /** The name of the delimiter a single header cell is split by, or null. */
    private static String delimiter(String cell) {
        if (cell.indexOf(';') >= 0) {
            return "semicolons (;)";
        }
        if (cell.indexOf('\t') >= 0) {
            return "tabs";
        }
        if (cell.indexOf('\uFF5C') >= 0) {
            return "full-width bars (｜)";
        }
        if (cell.indexOf('|') >= 0) {
            return "bars (|)";
        }
        return null;
    }

    private static String first(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " … (" + names.size() + " columns)";
    }

    /** Number of columns, named or not. */
    int size() {
        return names.size();
    }

    /** The name of column {@code index} (0-based), or null when unnamed or beyond the header. */
    String name(int index) {
        return index < names.size() ? names.get(index) : null;
    }

    /** A case-insensitive row with every named column present; blank values become null. */
    Map<String, Object> emptyRow() {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            if (name != null) {
                row.put(name, null);
            }
        }
        return row;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
