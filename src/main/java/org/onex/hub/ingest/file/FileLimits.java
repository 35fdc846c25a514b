package org.onex.hub.ingest.file;

/**
 * Bounds on what one file may make the hub hold in memory: files are streamed, but a
 * parser keeps the current record, JSON string or a workbook's shared strings whole. A file beyond a
 * bound is rejected with its {@link FileReason}; a single value beyond a cell's size is a row-level
 * problem for the mapping (VALUE_TOO_LONG).
 */
public final class FileLimits {

    /** Characters of one CSV record or NDJSON line (a licence row is a few thousand). */
    public static final int MAX_RECORD_CHARS = 1 << 20;
    /** Characters of one JSON string value. */
    public static final int MAX_JSON_STRING_CHARS = 1 << 20;
    /** Uncompressed bytes of a workbook's shared strings (read into memory whole). */
    public static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;
    /**
     * POI's zip bomb guard: no part of a workbook may expand to more than 100 times its compressed size
     * (after POI's grace size). This is POI's default, set here explicitly so the hub's bound is visible.
     */
    public static final double MIN_INFLATE_RATIO = 0.01;

    private FileLimits() {
    }
}
