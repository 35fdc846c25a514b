package org.onex.hub.store;

import java.time.Instant;
import java.util.List;

import org.onex.hub.schema.Violation;

/** A quarantined source row with every rule it failed (nothing is dropped silently). */
public record QuarantineEntry(long id, String department, String feed, String sourceKey, String sourceRef,
        String payload, String status, int timesSeen, Instant createdAt, Instant lastSeenAt, Instant resolvedAt,
        String resolution, List<Violation> failures) {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
}
