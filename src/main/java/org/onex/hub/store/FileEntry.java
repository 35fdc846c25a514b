package org.onex.hub.store;

import java.time.Instant;

/** One row of the file ledger: a department file the hub picked up, and what became of it. */
public record FileEntry(long id, String department, String feed, String fileName, long size, Instant modifiedAt,
        String sha256, String status, long rowsRead, long stored, long newVersions, long unchanged, long quarantined,
        String reason, Instant receivedAt, Instant finishedAt) {

    /** Read and committed as a unit. */
    public static final String INGESTED = "INGESTED";
    /** Structurally broken: nothing stored, moved to {@code .error/} with a reason file. */
    public static final String REJECTED = "REJECTED";
    /** The same file (name, size, modification time, content) was ingested before: skipped. */
    public static final String DUPLICATE = "DUPLICATE";
}
