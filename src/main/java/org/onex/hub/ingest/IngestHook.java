package org.onex.hub.ingest;

import java.time.Instant;
import java.util.List;

import org.onex.hub.schema.HubRecord;
import org.onex.hub.schema.Violation;

/**
 * A step other features add to the ingest transaction without the ingest knowing them (the delivery
 * of the bureau's decisions uses it to route each decision and plan its deliveries).
 */
public interface IngestHook {

    /** Extra checks of a mapped, valid row; an error quarantines the row like a mapping failure. */
    default List<Violation> check(String department, String feed, HubRecord record) {
        return List.of();
    }

    /** Called in the ingest transaction for each row stored as a new record or a new version. */
    default void stored(String department, String feed, HubRecord record, long recordId, int version, Instant now) {
    }

    /**
     * Called in the ingest transaction once per batch with its rows stored as a new record or a new version,
     * in row order; each hook sees the whole batch before the next hook. By default hands each row to
     * {@link #stored(String, String, HubRecord, long, int, Instant)}; a hook that writes per row overrides
     * this to write the batch at once.
     */
    default void stored(String department, String feed, List<Stored> rows, Instant now) {
        rows.forEach(r -> stored(department, feed, r.record(), r.recordId(), r.version(), now));
    }

    /** A row of an ingest batch stored as a new record or a new version. */
    record Stored(HubRecord record, long recordId, int version) {
    }
}
