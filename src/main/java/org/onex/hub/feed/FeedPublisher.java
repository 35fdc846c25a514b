package org.onex.hub.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Beans of the feed routes: sequencing committed versions, and publishing feed entries to Artemis.
 *
 * <p>Publishing sends a page of up to 500 entries in one locally transacted JMS session, with one
 * producer per topic, and moves the published mark only after the commit. An earlier version
 * split the page into one Camel exchange per message; on the benchmark's 2 cores that cost about a
 * third of the ingest throughput (docs/design-decisions.md).
 *
 * <p>Each version goes to the internal topic {@code hub.feed.<C>} as stored, and to the masked topics of
 * {@link FeedTopics} as {@link SharingEnforcer#view} for that topic's audience (one enforcement
 * point on every channel): the stored envelope is parsed once per version and each view built once per topic,
 * only for topics that have a subscription, the internal one included ({@link FeedBindings}: the broker drops a
 * message nobody subscribed to, so building and sending it would only take the cores from the ingest).
 * For a per-unit topic ({@code own} access, a department's C3) the concerned units are the departments the
 * decision is delivered to (R-PENALTY-FEEDBACK). A topic the view denies gets nothing. Every message of a version
 * carries the same properties and duplicate-detection id (the broker de-duplicates per address).
 */
@Component
public class FeedPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);

    private static final int PAGE = 500;
    /** Pages one timer tick may publish back to back, so a backlog drains faster than a page per period. */
    private static final int PAGES_PER_TICK = 20;

    private final FeedSequencer sequencer;
    private final FeedTopics topics;
    private final SharingEnforcer enforcer;
    private final DeliveryStore deliveries;
    private final JmsTemplate jms;
    /** For a page the broker partly has: each send on its own, so that its duplicates are dropped, not fatal. */
    private final JmsTemplate resend;

    public FeedPublisher(FeedSequencer sequencer, FeedTopics topics, SharingEnforcer enforcer,
            DeliveryStore deliveries, ConnectionFactory connectionFactory) {
        this.sequencer = sequencer;
        this.topics = topics;
        this.enforcer = enforcer;
        this.deliveries = deliveries;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.resend = new JmsTemplate(connectionFactory);
    }

    /** Sequences up to 5,000 outbox entries, then (outside that transaction) vacuums the outbox when due. */
    public int sequence() {
        int n = sequencer.sequence(5_000);
        sequencer.vacuumOutboxIfDue();
        return n;
    }

    /**
     * Publishes pages of feed entries until one is short (the backlog is drained) or {@value #PAGES_PER_TICK}
     * pages have gone; returns how many entries were published. With one page per timer period the feed
     * could not drain faster than 500 entries per 200 ms, below the ingest rate of a bulk load.
     */
    public int publishAvailable() {
        int published = 0;
        for (int page = 0; page < PAGES_PER_TICK; page++) {
            int n = publishNext();
            published += n;
            if (n < PAGE) {
                break;
            }
        }
        return published;
    }

    /** Publishes the next page of feed entries; returns how many were published. */
    public int publishNext() {
        List<FeedItem> items = sequencer.unpublished(PAGE);
        if (items.isEmpty()) {
            return 0;
        }
        Map<Long, Set<String>> concerned = deliveries.departmentsOf(items.stream()
                .filter(i -> topics.hasUnitTopics(Category.valueOf(i.category()))).map(FeedItem::recordId).toList());
        try {
            jms.execute(session -> {
                publishPage(session, items, concerned);
                session.commit();
                return null;
            }, true);
        } catch (JmsException e) {
            if (!duplicate(e)) {
                throw e;
            }
            // The broker had some of these versions: a commit whose answer was lost (a crash before the mark moved,
            // a broker failover), and Artemis rolls back a whole transaction holding a duplicate id. Sent again
            // one by one, it drops what it has and keeps the rest; then the mark moves.
            LOG.info("feed page {}..{} was partly published before (duplicate ids); re-sent without a transaction",
                    items.get(0).feedSeq(), items.get(items.size() - 1).feedSeq());
            resend.execute(session -> {
                publishPage(session, items, concerned);
                return null;
            }, true);
        }
        sequencer.markPublished(items.get(items.size() - 1).feedSeq());
        return items.size();
    }

    private void publishPage(Session session, List<FeedItem> items, Map<Long, Set<String>> concerned)
            throws JMSException {
        Map<String, MessageProducer> producers = new HashMap<>();
        Predicate<String> subscribed = FeedBindings.of(session);
        for (FeedItem item : items) {
            Category category = Category.valueOf(item.category());
            String internal = FeedTopics.internal(category);
            if (subscribed.test(internal)) { // the broker would drop it: nobody inside the hub reads it unasked
                send(session, producers, internal, message(session, item, FeedJson.envelopeText(item)));
            }
            publishViews(session, producers, subscribed, item, category,
                    concerned.getOrDefault(item.recordId(), Set.of()));
        }
    }

    /** A rollback because the transaction held a duplicate id (Artemis' ActiveMQDuplicateIdException). */
    static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ActiveMQDuplicateIdException || String.valueOf(t.getMessage()).contains("Duplicate")) {
                return true;
            }
            if (t instanceof JMSException jms && jms.getLinkedException() != null && jms.getLinkedException() != t
                    && duplicate(jms.getLinkedException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The masked copies of one version: one view per subscribed role topic, one per concerned unit's subscribed
     * topic. The envelope is parsed only if some topic needs it.
     */
    private void publishViews(Session session, Map<String, MessageProducer> producers, Predicate<String> subscribed,
            FeedItem item, Category category, Set<String> concernedUnits) throws JMSException {
        List<FeedTopic> targets = new ArrayList<>();
        for (FeedTopic topic : topics.forRoles(category)) {
            if (subscribed.test(topic.address())) {
                targets.add(topic);
            }
        }
        Map<String, FeedTopic> forUnits = topics.forUnits(category);
        for (String unit : concernedUnits) {
            FeedTopic topic = forUnits.get(unit);
            if (topic != null && subscribed.test(topic.address())) {
                targets.add(topic);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        ObjectNode record = FeedJson.envelope(item);
        for (FeedTopic topic : targets) {
            Optional<ObjectNode> view = enforcer.view(topic.viewerFor(item.department()), record, topic.unit());
            if (view.isPresent()) {
                send(session, producers, topic.address(), message(session, item, json(view.get())));
            }
        }
    }

    private static void send(Session session, Map<String, MessageProducer> producers, String address, TextMessage m)
            throws JMSException {
        MessageProducer producer = producers.get(address);
        if (producer == null) {
            producer = session.createProducer(session.createTopic(address));
            producers.put(address, producer);
        }
        producer.send(m);
    }

    /** The message of one version: {@code body} (the envelope or a view of it), selector properties, duplicate id. */
    static TextMessage message(Session session, FeedItem item, String body) throws JMSException {
        TextMessage m = session.createTextMessage(body);
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

    private static String json(ObjectNode view) {
        try {
            return HubJson.mapper().writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a feed view", e);
        }
    }
}
