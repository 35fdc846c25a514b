package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onex.hub.ingest.SourceRow;

/**
 * Streams a CSV file record by record: the first non-blank record is the header, every later record
 * must have as many fields, blank lines are skipped. Empty lines are kept by the parser and skipped
 * here, so the line a record starts on is always one after the line the previous record ended on.
 */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    private static final String UNCLOSED_QUOTE = "EOF reached before encapsulated token finished";
    private static final String TEXT_AFTER_QUOTE = "Invalid character between encapsulated token and delimiter";

    private CsvRows() {
    }

    static long read(StrictDecoder in, String displayName, List<String> required, RowSink sink)
            throws FileRejectedException, IOException {
        try (CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Header header = null;
            long rows = 0;
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw rejected(in, line, e.getCause());
                }
                if (isBlankLine(record)) {
                    continue;
                }
                if (header == null) {
                    header = Header.of(record.toList(), required);
                    continue;
                }
                if (record.size() != header.size()) {
                    throw fieldCount(in, records, line, record.size(), header.size());
                }
                sink.accept(new SourceRow(values(header, record), displayName + " line " + line));
                rows++;
            }
            if (header == null) {
                throw in.bytesRead() == 0
                        ? new FileRejectedException(FileReason.EMPTY_FILE, "the file is empty (0 bytes): expected a header line")
                        : new FileRejectedException(FileReason.BLANK_FILE, "expected a header line, found only blank lines");
            }
            return rows;
        } catch (IOException e) {
            if (in.rejection() != null) {
                throw in.rejection();
            }
            throw e;
        }
    }

    /**
     * A record with the wrong number of fields; when it is the last one, shorter than the header and the
     * file does not end in a line break, the upload was most likely cut off.
     */
    private static FileRejectedException fieldCount(StrictDecoder in, Iterator<CSVRecord> records, long line,
            int fields, int expected) {
        String counted = "line " + line + ": " + fields + " fields, expected " + expected;
        boolean last;
        try {
            last = !records.hasNext();
        } catch (UncheckedIOException e) {
            last = false;
        }
        if (in.rejection() != null) {
            return in.rejection();
        }
        if (last && fields < expected && in.lastChar() != '\n' && in.lastChar() != '\r') {
            return new FileRejectedException(FileReason.TRUNCATED_LAST_LINE, counted
                    + ", in the last line, which has no line break (truncated upload?)");
        }
        return new FileRejectedException(FileReason.FIELD_COUNT, counted);
    }

    private static boolean isBlankLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static Map<String, Object> values(Header header, CSVRecord record) {
        Map<String, Object> row = header.emptyRow();
        for (int i = 0; i < record.size(); i++) {
            String name = header.name(i);
            if (name != null) {
                row.put(name, Header.blankToNull(record.get(i)));
            }
        }
        return row;
    }

    /** The decoder's reason when the bytes were bad, else the parser's complaint about the record at {@code line}. */
    private static FileRejectedException rejected(StrictDecoder in, long line, IOException e) {
        if (in.rejection() != null) {
            return in.rejection();
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains(UNCLOSED_QUOTE)) {
            return new FileRejectedException(FileReason.UNCLOSED_QUOTE, "line " + line
                    + ": a quoted field is not closed before the end of the file (truncated upload?)", e);
        }
        if (message.contains(TEXT_AFTER_QUOTE)) {
            return new FileRejectedException(FileReason.TEXT_AFTER_QUOTE, "line " + line + ": text follows the closing"
                    + " quote of a field (a quote inside a quoted field must be written twice: \"\")", e);
        }
        // commons-csv ends some messages with a character position that means nothing to a department
        return new FileRejectedException(FileReason.UNREADABLE, "line " + line + ": " + message.replaceFirst(" at line: .*$", ""), e);
    }
}
