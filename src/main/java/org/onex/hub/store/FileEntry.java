package org.onex.hub.store;

import java.time.Instant;

/**
 * One row of the file ledger: a department file the hub picked up, and what became of it. {@code superseded}
 * counts rows older than their record's current state; a DUPLICATE names the ledger row
 * ({@code duplicateOf}, {@code duplicateOfName}) of the first ingestion of the same content.
 */
public record FileEntry(long id, String department, String feed, String fileName, long size, Instant modifiedAt,
        String sha256, String status, long rowsRead, long stored, long newVersions, long unchanged, long superseded,
        long quarantined, String reason, Long duplicateOf, String duplicateOfName, Instant receivedAt,
        Instant finishedAt) {

    /** Read and committed as a unit. */
    public static final String INGESTED = "INGESTED";
    /** Structurally broken: nothing stored, moved to {@code .error/} with a reason file. */
    public static final String REJECTED = "REJECTED";
    /** The same content (whatever the name or modification time) was ingested before: skipped. */
    public static final String DUPLICATE = "DUPLICATE";
}
