package org.onex.hub.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * Who caused a delay, read from the record's timestamps (decided → recorded in the source system →
 * extracted by the hub → stored → delivered → acknowledged).
 */
public enum Attribution {
    /** The providing unit recorded the decision in its own system after the due time. */
    PROVIDER_LATE,
    /** The row carries an in-time timestamp but became visible to the hub late: its system committed it late (or the hub was not polling: see the feed's health). */
    SOURCE_COMMIT_LATE,
    /** The hub had the row in time but stored it late. */
    HUB_SLOW,
    /** Stored in time, but the department's channel received it late (down or refusing). */
    DELIVERY_LATE;

    /** Attribution of a record that arrived after {@code due}; the note says why in plain words. */
    static Result ofArrival(Instant due, Instant recorded, Instant extracted, Instant stored, Duration lateCommit) {
        if (recorded != null && recorded.isAfter(due)) {
            return new Result(PROVIDER_LATE, "recorded in its system at " + recorded + ", after the due time " + due);
        }
        if (recorded == null && extracted != null && extracted.isAfter(due)) {
            return new Result(PROVIDER_LATE, "sent to the hub at " + extracted + ", after the due time " + due);
        }
        if (recorded != null && extracted != null && extracted.isAfter(due)
                && Duration.between(recorded, extracted).compareTo(lateCommit) > 0) {
            return new Result(SOURCE_COMMIT_LATE, "recorded at " + recorded + " but visible to the hub only at "
                    + extracted);
        }
        return new Result(HUB_SLOW, "available to the hub " + (extracted == null ? "" : "at " + extracted + " ")
                + "but stored at " + stored);
    }

    /** Attribution of a delivery completed after {@code due}. */
    static Result ofDelivery(Instant due, Instant recorded, Instant extracted, Instant stored, Instant delivered,
            Duration lateCommit) {
        if (stored != null && stored.isAfter(due)) {
            return ofArrival(due, recorded, extracted, stored, lateCommit);
        }
        return new Result(DELIVERY_LATE, "stored at " + stored + ", delivered at " + delivered);
    }

    record Result(Attribution attribution, String note) {
    }
}
