package org.onex.hub.feed;

import java.util.List;

import org.apache.camel.Exchange;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedSequencer;
import org.springframework.stereotype.Component;

/** Beans of the feed routes: sequencing committed versions and turning them into Artemis messages. */
@Component
public class FeedPublisher {

    static final String LAST_SEQ = "hubLastSeq";

    private final FeedSequencer sequencer;

    public FeedPublisher(FeedSequencer sequencer) {
        this.sequencer = sequencer;
    }

    public int sequence() {
        return sequencer.sequence(5_000);
    }

    /** Loads the next feed entries not yet published and remembers the last place for {@link #confirm}. */
    public List<FeedItem> next(Exchange exchange) {
        List<FeedItem> items = sequencer.unpublished(500);
        if (!items.isEmpty()) {
            exchange.setProperty(LAST_SEQ, items.get(items.size() - 1).feedSeq());
        }
        return items;
    }

    /** Sets the message properties of one version; the body is the envelope JSON. */
    public void toMessage(Exchange exchange) {
        FeedItem item = exchange.getMessage().getBody(FeedItem.class);
        var m = exchange.getMessage();
        m.setHeader(FeedHeaders.CATEGORY, item.category());
        m.setHeader(FeedHeaders.RECORD_TYPE, item.recordType());
        m.setHeader(FeedHeaders.DEPARTMENT, item.department());
        m.setHeader(FeedHeaders.RECORD_ID, item.recordId());
        m.setHeader(FeedHeaders.VERSION, item.version());
        m.setHeader(FeedHeaders.VERSION_ID, item.versionId());
        m.setHeader(FeedHeaders.FEED_SEQ, item.feedSeq());
        m.setHeader(FeedHeaders.DUPLICATE_ID, String.valueOf(item.versionId()));
        m.setBody(FeedJson.envelopeText(item));
    }

    /** Called only after every message of the page was sent. */
    public void confirm(Exchange exchange) {
        sequencer.markPublished(exchange.getProperty(LAST_SEQ, Long.class));
    }
}
