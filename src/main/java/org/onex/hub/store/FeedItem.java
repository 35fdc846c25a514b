package org.onex.hub.store;

/** One record version as the feed serves it: its place in the feed and the stored envelope JSON. */
public record FeedItem(long feedSeq, long recordId, int version, long versionId, String category, String recordType,
        String department, String envelope) {
}
