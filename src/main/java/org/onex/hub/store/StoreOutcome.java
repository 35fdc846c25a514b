package org.onex.hub.store;

/**
 * What storing one candidate did: a new record, a new version of an existing one, nothing, or nothing
 * current because the record's current state is newer ({@code SUPERSEDED}, with the reason; recordId and
 * version are then the record's current ones).
 */
public record StoreOutcome(Kind kind, long recordId, int version, String reason) {

    public StoreOutcome(Kind kind, long recordId, int version) {
        this(kind, recordId, version, null);
    }

    public enum Kind {
        STORED, NEW_VERSION, UNCHANGED, SUPERSEDED
    }
}
