package org.onex.hub.delivery;

import java.util.ArrayList;
import java.util.List;

import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.PendingDelivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of a message on {@code hub.delivery.<department>}: a batch of deliveries, as JSON. */
public final class DeliveryMessages {

    public static final String QUEUE_PREFIX = "hub.delivery.";
    /** Copies of deliveries that failed max-attempts times, with property {@value #LAST_ERROR}. */
    public static final String DEAD_LETTER_QUEUE = "hub.delivery.dead";
    public static final String DEPARTMENT = "department";
    public static final String DELIVERY_IDS = "deliveryIds";
    public static final String LAST_ERROR = "lastError";

    private DeliveryMessages() {
    }

    public static String queue(String department) {
        return QUEUE_PREFIX + department;
    }

    /** A batch for one department; {@code views} holds each delivery's record as the policy shows it to it. */
    static String write(String department, List<PendingDelivery> batch, java.util.Map<Long, ObjectNode> views) {
        ObjectNode root = HubJson.mapper().createObjectNode();
        root.put("department", department);
        ArrayNode items = root.putArray("deliveries");
        for (PendingDelivery p : batch) {
            Delivery d = p.delivery();
            ObjectNode n = items.addObject();
            n.put("deliveryId", d.id());
            n.put("key", d.key());
            n.put("recordId", d.recordId());
            n.put("version", d.version());
            n.put("versionId", p.versionId());
            n.put("routeReason", d.routeReason());
            n.set("record", views.get(d.id()));
        }
        return root.toString();
    }

    static List<DeliveryItem> read(String body) {
        try {
            JsonNode root = HubJson.mapper().readTree(body);
            List<DeliveryItem> items = new ArrayList<>();
            for (JsonNode n : root.path("deliveries")) {
                items.add(new DeliveryItem(n.path("deliveryId").asLong(), n.path("key").asText(),
                        n.path("recordId").asLong(), n.path("version").asInt(), n.path("versionId").asLong(),
                        n.path("routeReason").asText(), (ObjectNode) n.path("record")));
            }
            return items;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("delivery message is not a delivery batch: " + e.getMessage(), e);
        }
    }

    /** The stored envelope with the identity the store assigned (the stored text has versionId 0). */
    static ObjectNode envelope(String stored, long recordId, int version, long versionId) {
        try {
            ObjectNode node = (ObjectNode) HubJson.mapper().readTree(stored);
            ObjectNode identity = node.with("identity");
            identity.put("recordId", recordId);
            identity.put("version", version);
            identity.put("versionId", versionId);
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored envelope of record " + recordId + " is not JSON", e);
        }
    }
}
