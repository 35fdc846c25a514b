package org.onex.hub.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.delivery.DeliveryRecoveryProperties;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/deliveries}: where each of the bureau's decisions went, when the department's channel
 * confirmed it ({@code deliveredAt}) and when the department acknowledged it ({@code acknowledgedAt},
 * R-PENALTY-FEEDBACK); dead letters are replayed or discarded here.
 */
@Component
public class DeliveryApi {

    private static final Set<String> PARAMS = Set.of("department", "status", "recordId", "stuck", "cursor",
            "limit");
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.QUEUED, Delivery.DELIVERED,
            Delivery.DEAD, Delivery.DISCARDED);

    private final DeliveryStore deliveries;
    private final OperatorActions actions;
    private final RecordViews views;
    private final Clock clock;
    private final DeliveryRecoveryProperties settings;

    public DeliveryApi(DeliveryStore deliveries, OperatorActions actions, RecordViews views, Clock clock,
            DeliveryRecoveryProperties settings) {
        this.deliveries = deliveries;
        this.actions = actions;
        this.views = views;
        this.clock = clock;
        this.settings = settings;
    }

    public ObjectNode list(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, PARAMS);
        String status = q.text("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of " + STATUSES);
        }
        String recordId = q.matching("recordId", "[0-9]{1,18}", "a record id");
        long before = Cursors.decode("deliveries", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.of(exchange);
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        // a department sees its own deliveries; the bureau (whose decisions they are), operators and admins all
        String department = Callers.departmentIfConfined(client, asked);
        String stuck = q.matching("stuck", "true|false", "true or false");
        Instant plannedBefore = clock.instant().minus(settings.stuckAfter());
        // stuck=true lists the deliveries still PENDING or QUEUED past hub.delivery.stuck-after
        List<Delivery> list = "true".equals(stuck) ? deliveries.stuck(department, plannedBefore,
                before < 0 ? null : before, limit) : deliveries.list(department, status,
                recordId == null ? null : Long.valueOf(recordId), before < 0 ? null : before, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        list.forEach(d -> items.add(json(d, plannedBefore)));
        out.put("count", list.size());
        if (list.size() == limit) {
            out.put("nextCursor", Cursors.encode("deliveries", list.get(list.size() - 1).id()));
        }
        return out;
    }

    public ObjectNode get(Exchange exchange) {
        Delivery d = find(exchange);
        Client client = Callers.of(exchange);
        Callers.departmentIfConfined(client, d.department());
        ObjectNode out = json(d);
        deliveries.envelope(d.recordId(), d.version()).flatMap(e -> views.view(client, read(e, "stored envelope"),
                d.department())).ifPresent(view -> out.set("record", view));
        return out;
    }

    public ObjectNode replay(Exchange exchange) {
        Delivery d = find(exchange);
        return json(actions.replayDelivery(d.id(), Callers.of(exchange)));
    }

    public ObjectNode discard(Exchange exchange) {
        Delivery d = find(exchange);
        JsonNode body = body(exchange);
        return json(actions.discardDelivery(d.id(), Callers.of(exchange), body.path("comment").asText("")));
    }

    /** The department (or an operator for it) confirms it has taken the decision in. */
    public ObjectNode acknowledge(Exchange exchange) {
        Delivery d = find(exchange);
        Client client = Callers.of(exchange);
        Callers.departmentIfConfined(client, d.department()); // a department acknowledges only its own deliveries
        String by = client.id();
        if (!deliveries.acknowledge(d.id(), by, clock.instant())) {
            throw new ApiException(409, null, "delivery " + d.id() + " is " + d.status()
                    + (d.acknowledgedAt() == null ? "" : ", acknowledged at " + d.acknowledgedAt())
                    + "; only a DELIVERED one not yet acknowledged can be acknowledged");
        }
        return json(deliveries.find(d.id()).orElseThrow());
    }

    private Delivery find(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "delivery id '" + raw + "' is not a number");
        }
        return deliveries.find(id).orElseThrow(() -> ApiException.notFound("no delivery " + id));
    }

    private static JsonNode body(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        return text == null || text.isBlank() ? HubJson.mapper().createObjectNode() : read(text, "the body");
    }

    private static JsonNode read(String text, String what) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode json(Delivery d) {
        return json(d, clock.instant().minus(settings.stuckAfter()));
    }

    /** The delivery with its key and whether it is stuck (PENDING or QUEUED, planned before the threshold). */
    private static ObjectNode json(Delivery d, Instant plannedBefore) {
        ObjectNode n = HubJson.mapper().valueToTree(d);
        n.put("key", d.key());
        n.put("stuck", d.isStuck(plannedBefore));
        return n;
    }
}
