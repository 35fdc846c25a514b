package org.onex.hub.store;

import java.nio.charset.StandardCharsets;

/**
 * One version of a feed page as the database holds it: a {@link FeedItem} whose envelope is still the UTF-8 bytes
 * the driver received, so that the REST feed can write it into an answer without decoding and encoding it again
 * (issue 18). {@link #item()} decodes it for everything else.
 */
public record FeedRow(long feedSeq, long recordId, int version, long versionId, String category, String recordType,
        String department, byte[] envelope) {

    /** This version with its envelope as text. */
    public FeedItem item() {
        return new FeedItem(feedSeq, recordId, version, versionId, category, recordType, department,
                new String(envelope, StandardCharsets.UTF_8));
    }
}
