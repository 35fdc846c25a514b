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

    /** Checks {@code cells} (null or blank = unnamed column) for duplicates and for every required column. */
    static Header of(List<String> cells, List<String> required) throws FileRejectedException {
        List<String> names = new ArrayList<>(cells.size());
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String cell : cells) {
            String name = cell == null || cell.isBlank() ? null : cell.strip();
            if (name != null && !seen.add(name)) {
                throw new FileRejectedException("header names column " + name + " twice");
            }
            names.add(name);
        }
        List<String> missing = required == null ? List.of()
                : required.stream().filter(column -> !seen.contains(column)).toList();
        if (missing.size() == 1) {
            throw new FileRejectedException("header lacks column " + missing.get(0));
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException("header lacks columns " + String.join(", ", missing));
        }
        return new Header(names);
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
