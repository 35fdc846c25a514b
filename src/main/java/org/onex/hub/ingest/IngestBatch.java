package org.onex.hub.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Rows of one department feed to ingest in one transaction. {@code cursorJson}, when present, is the
 * source cursor after these rows; it is stored in the same transaction (DESIGN.md: the watermark moves
 * with the data). {@code prepared}, when present, holds the rows already mapped outside the transaction
 * ({@link PreparedRows}). {@code channel} names the way the rows came in (a source route's id, {@code push:<client>},
 * {@code replay}): a broken row seen through several channels is one quarantine entry listing them.
 */
public record IngestBatch(String department, String feed, List<SourceRow> rows, String cursorJson,
        Instant extractedAt, String channel, PreparedRows prepared) {

    /** A batch not mapped ahead: {@link IngestService} maps its rows in the ingest transaction. */
    public IngestBatch(String department, String feed, List<SourceRow> rows, String cursorJson, Instant extractedAt,
            String channel) {
        this(department, feed, rows, cursorJson, extractedAt, channel, null);
    }

    /** A batch whose channel is named later ({@link IngestRoutes} names it after the source route). */
    public IngestBatch(String department, String feed, List<SourceRow> rows, String cursorJson, Instant extractedAt) {
        this(department, feed, rows, cursorJson, extractedAt, null);
    }

    public IngestBatch withChannel(String newChannel) {
        return new IngestBatch(department, feed, rows, cursorJson, extractedAt, newChannel, prepared);
    }

    /** This batch with its rows mapped ahead ({@link IngestService#prepare}). */
    public IngestBatch withPrepared(PreparedRows rowsMapped) {
        return new IngestBatch(department, feed, rows, cursorJson, extractedAt, channel, rowsMapped);
    }
}
