package org.onex.hub.feed;

/** Message properties of the Artemis feed: part of the hub's public contract with consumers. */
public final class FeedHeaders {

    /** R-CATEGORIES category, C1..C7 (also the last segment of every feed topic name). */
    public static final String CATEGORY = "category";
    /** Schema v1 record type, e.g. LICENCE. */
    public static final String RECORD_TYPE = "recordType";
    /** Code of the providing department. */
    public static final String DEPARTMENT = "department";
    public static final String RECORD_ID = "recordId";
    public static final String VERSION = "version";
    /** Record version id: unique per published message; consumers de-duplicate on it. */
    public static final String VERSION_ID = "versionId";
    /** Position in the feed, the same number the REST feed's cursor counts. */
    public static final String FEED_SEQ = "feedSeq";
    /**
     * Artemis duplicate-detection property; set to the version id so a re-publish is dropped by the broker (which
     * keeps one duplicate-id cache per address, so the same id on every topic of a version is right).
     */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * Topic name prefix: {@code hub.feed.C2} (internal, unmasked), {@code hub.feed.office.C3} (a role's masked view),
     * {@code hub.feed.department.scjgj.C3} (one unit's own records); see {@link FeedTopics}.
     */
    public static final String TOPIC_PREFIX = "hub.feed.";

    private FeedHeaders() {
    }
}
