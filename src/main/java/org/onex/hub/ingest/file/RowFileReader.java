package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a department file (CSV, JSON array, NDJSON, XLSX) row by row into a {@link RowSink}. Files can
 * hold 100,000+ rows, so nothing here keeps the file or its rows: each row goes to the sink as soon as
 * it is parsed. Text is decoded strictly in the feed's declared encoding; anything wrong with the file
 * as a whole is a {@link FileRejectedException} whose reason says what and where.
 */
public final class RowFileReader {

    private RowFileReader() {
    }

    /** Streams the rows of a local file to the sink; returns the number of rows. */
    public static long read(Path file, String displayName, FileLayout layout, RowSink sink)
            throws FileRejectedException, IOException {
        if (layout.format() == FileFormat.XLSX) {
            return XlsxRows.read(file, displayName, layout.sheet(), layout.requiredColumns(), sink);
        }
        EncodingCheck.rejectUtf16(file, layout.charset());
        // UTF-8 Chinese decodes as GBK without errors, into mojibake: only a pass over the bytes can tell
        EncodingCheck.rejectUtf8AsGb(file, layout.charset());
        try (InputStream in = Files.newInputStream(file)) {
            return text(in, displayName, layout, sink);
        }
    }

    /**
     * Streams rows of a text body (CSV, JSON, NDJSON; not XLSX) — used for REST pushes; no encoding-mismatch
     * pre-check. The stream is read to the end of the rows but not closed: it belongs to the caller.
     */
    public static long read(InputStream in, String displayName, FileLayout layout, RowSink sink)
            throws FileRejectedException, IOException {
        if (layout.format() == FileFormat.XLSX) {
            throw new IllegalArgumentException("XLSX can only be read from a file, not from a stream");
        }
        return text(in, displayName, layout, sink);
    }

    private static long text(InputStream in, String displayName, FileLayout layout, RowSink sink)
            throws FileRejectedException, IOException {
        if (layout.charset() == null) {
            throw new IllegalArgumentException(layout.format() + " needs the feed's encoding, and the layout has none");
        }
        StrictDecoder decoder = new StrictDecoder(in, layout.charset());
        switch (layout.format()) {
            case CSV:
                decoder.guard(new RecordGuard(true, FileLimits.MAX_RECORD_CHARS));
                return CsvRows.read(decoder, displayName, layout.requiredColumns(), sink);
            case JSON:
                return JsonRows.array(decoder, displayName, sink);
            case NDJSON:
                decoder.guard(new RecordGuard(false, FileLimits.MAX_RECORD_CHARS));
                return JsonRows.lines(decoder, displayName, sink);
            default:
                throw new IllegalArgumentException("not a text format: " + layout.format());
        }
    }
}
