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
}
