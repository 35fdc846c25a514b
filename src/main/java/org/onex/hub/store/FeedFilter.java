package org.onex.hub.store;

import java.time.Instant;

/** Filters of the unified feed; null means any. Time ranges are half-open [from, to). */
public record FeedFilter(String category, String recordType, String department, String creditCode,
        Instant decidedFrom, Instant decidedTo, Instant storedFrom, Instant storedTo) {

    public static FeedFilter all() {
        return new FeedFilter(null, null, null, null, null, null, null, null);
    }
}
