package org.onex.hub.store;

import java.time.Instant;
import java.util.List;

import org.onex.hub.schema.Violation;

/**
 * A quarantined source row with every rule it failed (nothing is dropped silently) and the channels it was seen
 * through; {@code timesSeen} counts all sightings, each channel its own. {@code payload} and {@code sourceRef}
 * are those of the latest sighting.
 */
public record QuarantineEntry(long id, String department, String feed, String sourceKey, String sourceRef,
        String payload, String status, int timesSeen, Instant createdAt, Instant lastSeenAt, Instant resolvedAt,
        String resolution, List<Violation> failures, List<Channel> channels) {

    /** A channel (source route, push, replay) the row came through, with its own sightings. */
    public record Channel(String name, int timesSeen, Instant firstSeenAt, Instant lastSeenAt, String sourceRef) {
    }

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
}
