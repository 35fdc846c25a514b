package org.onex.hub.store;

import org.onex.hub.schema.HubRecord;

/** A normalized, valid record ready to be stored, with the source row it came from (as JSON). */
public record Candidate(HubRecord record, String sourcePayload) {
}
