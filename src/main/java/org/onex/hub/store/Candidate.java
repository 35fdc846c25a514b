package org.onex.hub.store;

import java.time.Instant;

import org.onex.hub.schema.HubRecord;

/**
 * A normalized, valid record ready to be stored, with the source row it came from (as JSON), the source
 * time it is judged by (null = unknown; newest wins) and where it came from.
 */
public record Candidate(HubRecord record, String sourcePayload, Instant sourceTime, String sourceRef) {

    public Candidate(HubRecord record, String sourcePayload) {
        this(record, sourcePayload, null, null);
    }
}
