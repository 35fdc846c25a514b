package org.onex.hub.ingest;

import java.util.List;

import org.onex.hub.schema.Violation;

/**
 * What happened to one row: stored, new version, unchanged, superseded (older than the record's current
 * state: kept as history, not published; {@code reason} says against what) or quarantined with its reasons.
 */
public record RowOutcome(int index, String sourceKey, Status status, Long recordId, Integer version,
        Long quarantineId, List<Violation> violations, String reason) {

    public RowOutcome(int index, String sourceKey, Status status, Long recordId, Integer version, Long quarantineId,
            List<Violation> violations) {
        this(index, sourceKey, status, recordId, version, quarantineId, violations, null);
    }

    public enum Status {
        STORED, NEW_VERSION, UNCHANGED, SUPERSEDED, QUARANTINED
    }
}
