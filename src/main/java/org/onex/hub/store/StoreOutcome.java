package org.onex.hub.store;

/** What storing one candidate did: a new record, a new version of an existing one, or nothing. */
public record StoreOutcome(Kind kind, long recordId, int version) {

    public enum Kind {
        STORED, NEW_VERSION, UNCHANGED
    }
}
