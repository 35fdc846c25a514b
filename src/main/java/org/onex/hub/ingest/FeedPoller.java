package org.onex.hub.ingest;

import org.apache.camel.Exchange;

/**
 * One pulled department feed, as {@link PullSourceRoute} drives it: each call reads the next batch after the
 * feed's stored cursor. A new kind of pulled source is a poller and its parameter contract; the route around it is
 * the same for every kind.
 */
public interface FeedPoller {

    /** Exchange property: true while the source has more ready now (the route asks again at once). */
    String MORE = "hubMore";

    /**
     * Sets the body to the {@link IngestBatch} of the next batch, or null when nothing changed, and {@link #MORE} to
     * whether to ask again within this poll. The batch carries its new cursor, saved in the ingest transaction.
     */
    void nextBatch(Exchange exchange);
}
