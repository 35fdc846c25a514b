package org.onex.hub.ingest;

import java.util.List;

import org.onex.hub.schema.Violation;

/** What happened to one row: stored, new version, unchanged, or quarantined with its reasons. */
public record RowOutcome(int index, String sourceKey, Status status, Long recordId, Integer version,
        Long quarantineId, List<Violation> violations) {

    public enum Status {
        STORED, NEW_VERSION, UNCHANGED, QUARANTINED
    }
}
