package org.onex.hub.store;

import java.time.Instant;

/**
 * A row that arrived older than its record's current state (newest wins): kept beside the versions
 * with the reason, never a version, never published. {@code envelope} is the row as it would have been stored.
 */
public record Superseded(long id, long recordId, String status, Instant sourceTime, int currentVersion,
        Instant currentSourceTime, String reason, String sourceRef, String envelope, Instant receivedAt) {
}
