package org.onex.hub.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.alert.Causes;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * Consumes one department's delivery queue for a channel template: skips what was already delivered,
 * hands the rest to the channel in order, records each confirmation as it comes ({@code delivered_at}),
 * counts failed attempts on the item that failed, and on the last attempt marks that item DEAD (with a
 * copy on {@value DeliveryMessages#DEAD_LETTER_QUEUE}) and puts the items behind it back in the outbox.
 */
public final class DeliveryConsumer {

    /** Exchange property: ids of the items of the failed attempt (the item that failed, or the whole file). */
    static final String FAILED = "hubDeliveryFailed";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConsumer.class);

    private final String department;
    private final DeliveryChannel channel;
    private final DeliveryStore store;
    private final Alerts alerts;
    private final JmsTemplate deadLetters;
    private final Clock clock;
    private final SourceHealth health;

    public DeliveryConsumer(String department, DeliveryChannel channel, DeliveryStore store, Alerts alerts,
            JmsTemplate deadLetters, Clock clock, SourceHealth health) {
        this.department = department;
        this.channel = channel;
        this.store = store;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.health = health;
    }

    public DeliveryChannel channel() {
        return channel;
    }

    public void deliver(Exchange exchange) throws Exception {
        List<DeliveryItem> items = open(exchange.getMessage().getBody(String.class));
        if (items.isEmpty()) {
            return;
        }
        // a sign of life on every attempt (retries too), so the sweep does not send again what is in hand
        store.touch(items.stream().map(DeliveryItem::deliveryId).toList(), clock.instant());
        List<Long> confirmed = new ArrayList<>();
        try {
            channel.deliver(department, items, item -> {
                store.markDelivered(List.of(item.deliveryId()), channel.kind(), clock.instant());
                confirmed.add(item.deliveryId());
            });
        } catch (Exception e) {
            // The item that failed is the first one not confirmed (channels deliver in order); a channel that
            // delivers the batch as one file fails it as a whole.
            List<Long> failed = items.stream().map(DeliveryItem::deliveryId).filter(id -> !confirmed.contains(id))
                    .toList();
            List<Long> blamed = channel.failsAsOneUnit() ? failed : failed.subList(0, Math.min(1, failed.size()));
            exchange.setProperty(FAILED, blamed);
            if (!(e instanceof ChannelUnavailableException)) {
                store.markAttemptFailed(blamed, reason(e), clock.instant());
            }
            health.failed(exchange.getFromRouteId(), department, "deliveries (" + channel.kind() + ")", reason(e), null);
            throw e;
        }
        health.ok(exchange.getFromRouteId(), department, "deliveries (" + channel.kind() + ")", null);
    }

    /** Items of the message still waiting for delivery, in message order. */
    private List<DeliveryItem> open(String body) {
        List<DeliveryItem> items = DeliveryMessages.read(body);
        Map<Long, Delivery> rows = store.findAll(items.stream().map(DeliveryItem::deliveryId).toList()).stream()
                .collect(Collectors.toMap(Delivery::id, Function.identity()));
        Set<String> waiting = Set.of(Delivery.QUEUED, Delivery.PENDING);
        return items.stream().filter(i -> rows.containsKey(i.deliveryId())
                && waiting.contains(rows.get(i.deliveryId()).status())).toList();
    }

    /** Called once the attempts are used up. */
    @SuppressWarnings("unchecked")
    public void dead(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = reason(cause);
        List<Long> blamed = exchange.getProperty(FAILED, List.class);
        List<DeliveryItem> items = open(exchange.getMessage().getBody(String.class));
        List<Long> dead = blamed == null ? items.stream().map(DeliveryItem::deliveryId).toList() : blamed;
        store.markDead(dead, error, clock.instant());
        List<Long> behind = items.stream().map(DeliveryItem::deliveryId).filter(id -> !dead.contains(id)).toList();
        store.requeue(behind);
        for (Long id : dead) {
            String body = exchange.getMessage().getBody(String.class);
            deadLetters.send(DeliveryMessages.DEAD_LETTER_QUEUE, session -> {
                var m = session.createTextMessage(body);
                m.setStringProperty(DeliveryMessages.DEPARTMENT, department);
                m.setLongProperty("deliveryId", id);
                m.setStringProperty(DeliveryMessages.LAST_ERROR, error);
                return m;
            });
            alerts.error(Alerts.DELIVERY_DEAD, department, channel.kind(), "delivery " + id, "delivery " + id
                    + " to " + department + " failed on every attempt and is dead: " + error
                    + "; fix the cause, then POST /api/v1/deliveries/" + id + "/replay (or discard it)",
                    AlertText.of(Alerts.DELIVERY_DEAD).text(id).unit(department).text(error).build());
        }
        LOG.error("{}: deliveries {} dead after the last attempt: {}; {} put back in the outbox", department, dead,
                error, behind);
    }

    static String reason(Throwable e) {
        return Causes.describe(e);
    }
}
