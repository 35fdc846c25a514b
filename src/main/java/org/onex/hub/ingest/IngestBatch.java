package org.onex.hub.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Rows of one department feed to ingest in one transaction. {@code cursorJson}, when present, is the
 * source cursor after these rows; it is stored in the same transaction (DESIGN.md: the watermark moves
 * with the data).
 */
public record IngestBatch(String department, String feed, List<SourceRow> rows, String cursorJson,
        Instant extractedAt) {
}
