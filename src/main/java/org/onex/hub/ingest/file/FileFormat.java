package org.onex.hub.ingest.file;

import java.util.Locale;

/** Formats a department file drop or push may arrive in. */
public enum FileFormat {
    /** Comma-separated values with a header line, in the feed's declared encoding. */
    CSV,
    /** One JSON array of row objects. */
    JSON,
    /** One JSON object per line (newline-delimited JSON). */
    NDJSON,
    /** An Excel 2007+ workbook; rows of the first sheet or of a named sheet, first row is the header. */
    XLSX;

    /** Parses a route parameter such as {@code csv}; the message lists the accepted values. */
    public static FileFormat of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("format '" + text + "' is not one of csv, json, ndjson, xlsx");
        }
    }
}
