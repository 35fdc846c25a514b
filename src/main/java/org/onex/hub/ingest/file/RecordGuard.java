package org.onex.hub.ingest.file;

/**
 * Counts the characters of the current record as text is decoded, so that a huge cell is rejected
 * before a parser has built it whole ({@link FileLimits#MAX_RECORD_CHARS}). For CSV a record ends at a
 * line break outside quotes (a quote opens quoting only at the start of a field, as commons-csv reads
 * it; a doubled quote inside stays inside); for NDJSON at every line break.
 */
final class RecordGuard {

    private final boolean csvQuotes;
    private final int max;
    private long chars;
    private long line = 1;
    private long recordLine = 1;
    private boolean fieldStart = true;
    private boolean quoted;
    private boolean quoteSeen;

    RecordGuard(boolean csvQuotes, int max) {
        this.csvQuotes = csvQuotes;
        this.max = max;
    }

    /** Scans decoded text; false as soon as the current record is longer than the limit. */
    boolean scan(char[] text, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = text[i];
            if (c == '\n') {
                line++;
            }
            if (csvQuotes && quoted) {
                if (quoteSeen) {
                    quoteSeen = false;
                    if (c == '"') {
                        chars++;
                        continue; // "" inside a quoted field
                    }
                    quoted = false; // the quote closed the field; c is outside
                } else {
                    if (c == '"') {
                        quoteSeen = true;
                    }
                    chars++;
                    if (chars > max) {
                        return false;
                    }
                    continue;
                }
            }
            if (c == '\n') {
                chars = 0;
                recordLine = line;
                fieldStart = true;
                continue;
            }
            chars++;
            if (chars > max) {
                return false;
            }
            if (csvQuotes && c == '"' && fieldStart) {
                quoted = true;
                quoteSeen = false;
            }
            fieldStart = c == ',' || c == '\r';
        }
        return true;
    }

    /** The line the current record starts on (1-based). */
    long recordLine() {
        return recordLine;
    }

    int max() {
        return max;
    }
}
