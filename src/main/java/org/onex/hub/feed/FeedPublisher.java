package org.onex.hub.feed;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.onex.hub.schema.Category;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedSequencer;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Beans of the feed routes: sequencing committed versions, and publishing feed entries to Artemis.
 *
 * <p>Publishing sends a page of up to 500 entries in one locally transacted JMS session, with one
 * producer per category topic, and moves the published mark only after the commit. An earlier version
 * split the page into one Camel exchange per message; on the benchmark's 2 cores that cost about a
 * third of the ingest throughput (docs/design-decisions.md).
 */
@Component
public class FeedPublisher {

    private static final int PAGE = 500;
    /** The only topics the feed publishes to: one per category, fixed (never built from message content). */
    private static final Map<Category, String> TOPICS = new EnumMap<>(Category.class);

    static {
        for (Category c : Category.values()) {
            TOPICS.put(c, FeedHeaders.TOPIC_PREFIX + c.name());
        }
    }

    private final FeedSequencer sequencer;
    private final JmsTemplate jms;

    public FeedPublisher(FeedSequencer sequencer, ConnectionFactory connectionFactory) {
        this.sequencer = sequencer;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    public int sequence() {
        return sequencer.sequence(5_000);
    }

    /** Publishes the next page of feed entries; returns how many were published. */
    public int publishNext() {
        List<FeedItem> items = sequencer.unpublished(PAGE);
        if (items.isEmpty()) {
            return 0;
        }
        jms.execute(session -> {
            Map<Category, MessageProducer> producers = new EnumMap<>(Category.class);
            for (FeedItem item : items) {
                Category category = Category.valueOf(item.category());
                MessageProducer producer = producers.get(category);
                if (producer == null) {
                    producer = session.createProducer(session.createTopic(TOPICS.get(category)));
                    producers.put(category, producer);
                }
                producer.send(message(session, item));
            }
            session.commit();
            return null;
        }, true);
        sequencer.markPublished(items.get(items.size() - 1).feedSeq());
        return items.size();
    }

    /** The message of one version: the envelope as body, selector properties, duplicate-detection id. */
    static TextMessage message(Session session, FeedItem item) throws JMSException {
        TextMessage m = session.createTextMessage(FeedJson.envelopeText(item));
        m.setStringProperty(FeedHeaders.CATEGORY, item.category());
        m.setStringProperty(FeedHeaders.RECORD_TYPE, item.recordType());
        m.setStringProperty(FeedHeaders.DEPARTMENT, item.department());
        m.setLongProperty(FeedHeaders.RECORD_ID, item.recordId());
        m.setIntProperty(FeedHeaders.VERSION, item.version());
        m.setLongProperty(FeedHeaders.VERSION_ID, item.versionId());
        m.setLongProperty(FeedHeaders.FEED_SEQ, item.feedSeq());
        m.setStringProperty(FeedHeaders.DUPLICATE_ID, String.valueOf(item.versionId()));
        return m;
    }
}
