package org.onex.hub.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.onex.hub.delivery.DeliveryRecoveryProperties;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /api/v1/deliveries}: where each of the bureau's decisions went, when the department's channel
 * confirmed it ({@code deliveredAt}) and when the department acknowledged it ({@code acknowledgedAt},
 * R-PENALTY-FEEDBACK); dead letters are replayed or discarded here.
 */
@RestController
@RequestMapping(path = "/api/v1/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
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

    /**
     * A delivery with its idempotency key, whether it is stuck (PENDING or QUEUED, planned before the threshold) and,
     * for one delivery, the decision as the client may see it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(@JsonUnwrapped Delivery delivery, String key, boolean stuck, ObjectNode record) {

        DeliveryView(Delivery d, Instant plannedBefore) {
            this(d, d.key(), d.isStuck(plannedBefore), null);
        }
    }

    @GetMapping
    public Page<DeliveryView> list(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        String status = q.text("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of " + STATUSES);
        }
        String recordId = q.matching("recordId", "[0-9]{1,18}", "a record id");
        long before = Cursors.decode("deliveries", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.current();
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        // a department sees its own deliveries; the bureau (whose decisions they are), operators and admins all
        String department = Callers.departmentIfConfined(client, asked);
        String stuck = q.matching("stuck", "true|false", "true or false");
        Instant plannedBefore = clock.instant().minus(settings.stuckAfter());
        // stuck=true lists the deliveries still PENDING or QUEUED past hub.delivery.stuck-after
        List<Delivery> list = "true".equals(stuck) ? deliveries.stuck(department, plannedBefore,
                before < 0 ? null : before, limit) : deliveries.list(department, status,
                recordId == null ? null : Long.valueOf(recordId), before < 0 ? null : before, limit);
        return Page.of(list.stream().map(d -> new DeliveryView(d, plannedBefore)).toList(), limit, "deliveries",
                v -> v.delivery().id());
    }

    @GetMapping("/{id}")
    public DeliveryView get(@PathVariable("id") String id, HttpServletRequest request) {
        QueryParams.of(request, java.util.Set.of());
        Delivery d = find(id);
        Client client = Callers.current();
        Callers.departmentIfConfined(client, d.department());
        ObjectNode record = deliveries.envelope(d.recordId(), d.version()).flatMap(e -> views.view(client,
                read(e), d.department())).orElse(null);
        return new DeliveryView(d, d.key(), d.isStuck(plannedBefore()), record);
    }

    @PostMapping("/{id}/replay")
    public DeliveryView replay(@PathVariable("id") String id) {
        Delivery d = find(id);
        return view(actions.replayDelivery(d.id(), Callers.current()));
    }

    @PostMapping("/{id}/discard")
    public DeliveryView discard(@PathVariable("id") String id, @RequestBody(required = false) byte[] body) {
        Delivery d = find(id);
        return view(actions.discardDelivery(d.id(), Callers.current(),
                ApiBodies.json(body, "the body").path("comment").asText("")));
    }

    /** The department (or an operator for it) confirms it has taken the decision in. */
    @PostMapping("/{id}/ack")
    public DeliveryView acknowledge(@PathVariable("id") String id) {
        Delivery d = find(id);
        Client client = Callers.current();
        Callers.departmentIfConfined(client, d.department()); // a department acknowledges only its own deliveries
        String by = client.id();
        if (!deliveries.acknowledge(d.id(), by, clock.instant())) {
            throw new ApiException(409, null, "delivery " + d.id() + " is " + d.status()
                    + (d.acknowledgedAt() == null ? "" : ", acknowledged at " + d.acknowledgedAt())
                    + "; only a DELIVERED one not yet acknowledged can be acknowledged");
        }
        return view(deliveries.find(d.id()).orElseThrow());
    }

    private Delivery find(String raw) {
        long id = ApiBodies.id(raw, "delivery");
        return deliveries.find(id).orElseThrow(() -> ApiException.notFound("no delivery " + id));
    }

    private static JsonNode read(String stored) {
        try {
            return HubJson.mapper().readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored envelope is not JSON", e);
        }
    }

    private DeliveryView view(Delivery d) {
        return new DeliveryView(d, plannedBefore());
    }

    private Instant plannedBefore() {
        return clock.instant().minus(settings.stuckAfter());
    }
}
