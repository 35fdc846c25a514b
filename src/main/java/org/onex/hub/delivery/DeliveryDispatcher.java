package org.onex.hub.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;

/**
 * Moves planned deliveries from the hub store's outbox to the durable Artemis queue of their
 * department ({@code hub.delivery.<dept>}), in batches of {@code hub.delivery.batch-size}, in the order
 * they were planned. The JMS session commits first and the rows are marked QUEUED after: a crash in
 * between queues a batch twice, which the consumer absorbs (it skips deliveries already DELIVERED and
 * every channel writes with the delivery's idempotency key).
 */
@Component
public class DeliveryDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryStore store;
    private final SharingEnforcer enforcer;
    private final JmsTemplate jms;
    private final Clock clock;
    private final int batchSize;

    public DeliveryDispatcher(DeliveryStore store, SharingEnforcer enforcer, ConnectionFactory connectionFactory,
            Clock clock, @Value("${hub.delivery.batch-size:50}") int batchSize) {
        this.store = store;
        this.enforcer = enforcer;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Queues the next pending deliveries; returns how many. */
    public int dispatchNext() {
        List<PendingDelivery> pending = store.pending(500);
        if (pending.isEmpty()) {
            return 0;
        }
        // each department receives the decision as the sharing policy shows it to that department
        // (one enforcement point on every egress); a decision the policy does not share with it is not sent
        Map<Long, ObjectNode> views = new HashMap<>();
        List<Long> refused = new ArrayList<>();
        for (PendingDelivery p : pending) {
            Delivery d = p.delivery();
            ObjectNode record = DeliveryMessages.envelope(p.envelope(), d.recordId(), d.version(), p.versionId());
            enforcer.view(new Client("delivery:" + d.department(), Role.DEPARTMENT, d.department()), record,
                    d.department()).ifPresentOrElse(v -> views.put(d.id(), v), () -> refused.add(d.id()));
        }
        if (!refused.isEmpty()) {
            LOG.warn("deliveries {} not sent: config/sharing-policy.yaml does not share them with their department",
                    refused);
            // they are still PENDING (never queued): markDead, which ends QUEUED ones, left them in the outbox,
            // offered and refused again on every pass
            store.markRefused(refused, "not shared with this department by config/sharing-policy.yaml (R-CATEGORIES)",
                    clock.instant());
        }
        Map<String, List<List<PendingDelivery>>> batches = new LinkedHashMap<>();
        for (PendingDelivery p : pending) {
            if (!views.containsKey(p.delivery().id())) {
                continue;
            }
            List<List<PendingDelivery>> ofDept = batches.computeIfAbsent(p.delivery().department(), d -> new ArrayList<>());
            if (ofDept.isEmpty() || ofDept.get(ofDept.size() - 1).size() == batchSize) {
                ofDept.add(new ArrayList<>());
            }
            ofDept.get(ofDept.size() - 1).add(p);
        }
        jms.execute(session -> {
            for (Map.Entry<String, List<List<PendingDelivery>>> e : batches.entrySet()) {
                MessageProducer producer = session.createProducer(session.createQueue(DeliveryMessages.queue(e.getKey())));
                for (List<PendingDelivery> batch : e.getValue()) {
                    TextMessage m = session.createTextMessage(DeliveryMessages.write(e.getKey(), batch, views));
                    m.setStringProperty(DeliveryMessages.DEPARTMENT, e.getKey());
                    m.setStringProperty(DeliveryMessages.DELIVERY_IDS, String.join(",",
                            batch.stream().map(p -> Long.toString(p.delivery().id())).toList()));
                    producer.send(m);
                }
                producer.close();
            }
            session.commit();
            return null;
        }, true);
        store.markQueued(pending.stream().map(p -> p.delivery().id()).filter(views::containsKey).toList(),
                clock.instant());
        return pending.size();
    }
}
