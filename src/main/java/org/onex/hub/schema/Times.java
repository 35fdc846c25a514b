package org.onex.hub.schema;

import java.time.Instant;

/**
 * The timestamps that let lateness be attributed: the department (decidedAt → sourceUpdatedAt), the
 * source system (sourceUpdatedAt → extractedAt) or the hub (extractedAt → storedAt → deliveredAt).
 */
public record Times(Instant decidedAt, Instant sourceUpdatedAt, Instant extractedAt, Instant storedAt,
        Instant deliveredAt, Instant acknowledgedAt) {

    public static Times empty() {
        return new Times(null, null, null, null, null, null);
    }

    public Times withExtractedAt(Instant at) {
        return new Times(decidedAt, sourceUpdatedAt, at, storedAt, deliveredAt, acknowledgedAt);
    }

    public Times withStoredAt(Instant at) {
        return new Times(decidedAt, sourceUpdatedAt, extractedAt, at, deliveredAt, acknowledgedAt);
    }
}
