package org.onex.hub.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.PendingDelivery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

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

    private final DeliveryStore store;
    private final JmsTemplate jms;
    private final Clock clock;
    private final int batchSize;

    public DeliveryDispatcher(DeliveryStore store, ConnectionFactory connectionFactory, Clock clock,
            @Value("${hub.delivery.batch-size:50}") int batchSize) {
        this.store = store;
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
        Map<String, List<List<PendingDelivery>>> batches = new LinkedHashMap<>();
        for (PendingDelivery p : pending) {
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
                    TextMessage m = session.createTextMessage(DeliveryMessages.write(e.getKey(), batch));
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
        store.markQueued(pending.stream().map(p -> p.delivery().id()).toList(), clock.instant());
        return pending.size();
    }
}
