package org.onex.hub.ops;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.onex.hub.alert.Causes;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.cluster.RouteOwnership;
import org.onex.hub.delivery.DeliveryMessages;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourcePayloads;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.policy.Client;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.QuarantineEntry;
import org.onex.hub.store.QuarantineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import jakarta.jms.ConnectionFactory;

/**
 * What an operator can do to the hub, whether through the API or the console: acknowledge an alert,
 * replay a quarantined row, replay or discard a dead delivery, suspend and resume a route. Both
 * front ends call these methods, so an action has one set of rules and one place where it is audited
 * (every operator action is an entry of the tamper-evident audit log, naming who did it).
 */
@Component
public class OperatorActions {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);

    private final AlertStore alerts;
    private final QuarantineStore quarantine;
    private final IngestService ingest;
    private final SourcePayloads payloads;
    private final DeliveryStore deliveries;
    private final JmsTemplate deadLetters;
    private final CamelContext camel;
    private final AuditLog audit;
    private final Clock clock;
    private final RouteOwnership ownership;

    public OperatorActions(AlertStore alerts, QuarantineStore quarantine, IngestService ingest, SourcePayloads payloads,
            DeliveryStore deliveries, ConnectionFactory connectionFactory, CamelContext camel, AuditLog audit,
            Clock clock, RouteOwnership ownership) {
        this.ownership = ownership;
        this.alerts = alerts;
        this.quarantine = quarantine;
        this.ingest = ingest;
        this.payloads = payloads;
        this.deliveries = deliveries;
        this.deadLetters = new JmsTemplate(connectionFactory);
        this.deadLetters.setReceiveTimeout(500);
        this.camel = camel;
        this.audit = audit;
        this.clock = clock;
    }

    public Alert acknowledgeAlert(long id, Client actor, String comment) {
        String text = comment == null ? "" : comment.trim();
        if (text.isEmpty()) {
            throw new ActionRefusedException(400, "comment", "an acknowledgement needs a comment saying what was done");
        }
        Alert alert = alerts.find(id).orElseThrow(() -> new ActionRefusedException(404, null, "no alert " + id));
        if (!alerts.acknowledge(id, actor.id(), text, clock.instant())) {
            throw new ActionRefusedException(409, null, "alert " + id + " is already " + alert.status());
        }
        audit.record(actor, AuditAction.ALERT_ACK, "alert " + id, Map.of("comment", text));
        LOG.info("alert {} acknowledged by {}", id, actor.id());
        return alerts.find(id).orElseThrow();
    }

    /**
     * Acknowledges with one comment every open alert of a kind for a unit (null: the hub's own), up to the newest
     * the operator saw ({@code maxId}); one audit entry names them all. The number acknowledged (0 when another
     * operator was first).
     */
    public int acknowledgeAlerts(String kind, String department, long maxId, Client actor, String comment) {
        String text = comment == null ? "" : comment.trim();
        if (text.isEmpty()) {
            throw new ActionRefusedException(400, "comment", "an acknowledgement needs a comment saying what was done");
        }
        List<Long> ids = alerts.acknowledgeGroup(kind, department, maxId, actor.id(), text, clock.instant());
        if (!ids.isEmpty()) {
            audit.record(actor, AuditAction.ALERT_ACK, "alerts " + kind + " " + (department == null ? "hub" : department),
                    Map.of("comment", text, "alerts", ids.toString()));
            LOG.info("{} alerts {} of {} acknowledged by {}", ids.size(), kind, department, actor.id());
        }
        return ids.size();
    }

    /** Re-runs a quarantined row through its feed's current mapping (after the mapping or data was fixed). */
    public RowOutcome replayQuarantine(long id, Client actor) {
        QuarantineEntry entry = quarantine.find(id)
                .orElseThrow(() -> new ActionRefusedException(404, null, "no quarantine entry " + id));
        if (!QuarantineEntry.OPEN.equals(entry.status())) {
            throw new ActionRefusedException(409, null, "quarantine entry " + id + " is already " + entry.status());
        }
        SourceRow row = new SourceRow(payloads.fromJson(entry.payload()), entry.sourceRef());
        RowOutcome outcome = ingest.ingest(new IngestBatch(entry.department(), entry.feed(), List.of(row), null,
                clock.instant(), "replay")).rows().get(0);
        if (outcome.status() != RowOutcome.Status.QUARANTINED) {
            String resolution = outcome.status() == RowOutcome.Status.SUPERSEDED
                    ? "replayed: superseded, record " + outcome.recordId() + " is newer: " + outcome.reason()
                    : "replayed: record " + outcome.recordId() + " version " + outcome.version();
            quarantine.resolve(id, resolution.length() > 256 ? resolution.substring(0, 255) + "…" : resolution,
                    clock.instant());
        }
        audit.record(actor, AuditAction.QUARANTINE_REPLAY, "quarantine " + id, Map.of("outcome",
                outcome.status().name()));
        LOG.info("quarantine entry {} replayed by {}: {}", id, actor.id(), outcome.status());
        return outcome;
    }

    /**
     * Replays every open entry of a quarantine group (rule × unit × feed) up to {@code maxId}, after the department
     * fixed its data or the hub admin a mapping: how many were stored, superseded, and are still quarantined (with
     * the rule the first still fails). An entry another operator replayed meanwhile is skipped.
     */
    public BulkReplay replayQuarantineGroup(String rule, String department, String feed, long maxId, Client actor) {
        int stored = 0;
        int superseded = 0;
        int still = 0;
        String firstRule = null;
        for (long id : quarantine.openIds(rule, department, feed, maxId)) {
            RowOutcome outcome;
            try {
                outcome = replayQuarantine(id, actor);
            } catch (ActionRefusedException e) {
                continue; // resolved meanwhile
            }
            switch (outcome.status()) {
                case QUARANTINED -> {
                    still++;
                    if (firstRule == null && !outcome.violations().isEmpty()) {
                        firstRule = outcome.violations().get(0).rule();
                    }
                }
                case SUPERSEDED -> superseded++;
                default -> stored++;
            }
        }
        return new BulkReplay(stored, superseded, still, firstRule);
    }

    /** What a bulk replay of quarantined rows did. */
    public record BulkReplay(int stored, int superseded, int stillQuarantined, String firstRule) {
    }

    public Delivery replayDelivery(long id, Client actor) {
        Delivery d = delivery(id);
        if (!deliveries.replay(id, actor.id(), clock.instant())) {
            throw new ActionRefusedException(409, null, "delivery " + id + " is " + d.status()
                    + "; only DEAD ones are replayed");
        }
        removeDeadLetter(id);
        audit.record(actor, AuditAction.DELIVERY_REPLAY, "delivery " + id, Map.of());
        LOG.info("delivery {} replayed by {}", id, actor.id());
        return deliveries.find(id).orElseThrow();
    }

    public Delivery discardDelivery(long id, Client actor, String comment) {
        String text = comment == null ? "" : comment.trim();
        if (text.isEmpty()) {
            throw new ActionRefusedException(400, "comment", "discarding a decision's delivery needs a comment saying why");
        }
        Delivery d = delivery(id);
        if (!deliveries.discard(id, actor.id(), text, clock.instant())) {
            throw new ActionRefusedException(409, null, "delivery " + id + " is " + d.status()
                    + "; only DEAD ones are discarded");
        }
        removeDeadLetter(id);
        audit.record(actor, AuditAction.DELIVERY_DISCARD, "delivery " + id, Map.of("comment", text));
        LOG.info("delivery {} discarded by {}", id, actor.id());
        return deliveries.find(id).orElseThrow();
    }

    /** Suspends a route (a department feed or channel) until an operator resumes it. */
    public ServiceStatus suspendRoute(String routeId, Client actor) {
        route(routeId);
        runsHere(routeId, "suspended");
        try {
            camel.getRouteController().suspendRoute(routeId);
        } catch (Exception e) {
            throw new ActionRefusedException(409, null, "route " + routeId + " cannot be suspended: " + Causes.describe(e));
        }
        audit.record(actor, AuditAction.ROUTE_SUSPEND, "route " + routeId, Map.of());
        LOG.info("route {} suspended by {}", routeId, actor.id());
        return camel.getRouteController().getRouteStatus(routeId);
    }

    /** Resumes a suspended route, or starts a stopped one (e.g. a source stopped with SOURCE_STOPPED). */
    public ServiceStatus resumeRoute(String routeId, Client actor) {
        route(routeId);
        runsHere(routeId, "resumed");
        try {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (status == ServiceStatus.Suspended) {
                camel.getRouteController().resumeRoute(routeId);
            } else if (status != ServiceStatus.Started) {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            throw new ActionRefusedException(409, null, "route " + routeId + " cannot be resumed: " + Causes.describe(e));
        }
        audit.record(actor, AuditAction.ROUTE_RESUME, "route " + routeId, Map.of());
        LOG.info("route {} resumed by {}", routeId, actor.id());
        return camel.getRouteController().getRouteStatus(routeId);
    }

    /** A one-node route another cluster node runs is acted on there, not started beside it here. */
    private void runsHere(String routeId, String action) {
        if (Boolean.FALSE.equals(ownership.managedRoutes().get(routeId)) && !ownership.owns(routeId)) {
            throw new ActionRefusedException(409, null, "route " + routeId + " runs on cluster node "
                    + ownership.ownerAddress(routeId).orElse("(moving)") + ", not on this one ("
                    + ownership.localAddress() + "): it is " + action + " there");
        }
    }

    private Route route(String routeId) {
        Route route = routeId == null ? null : camel.getRoute(routeId);
        if (route == null) {
            throw new ActionRefusedException(404, null, "no route " + routeId);
        }
        return route;
    }

    private Delivery delivery(long id) {
        return deliveries.find(id).orElseThrow(() -> new ActionRefusedException(404, null, "no delivery " + id));
    }

    private void removeDeadLetter(long id) {
        deadLetters.receiveSelected(DeliveryMessages.DEAD_LETTER_QUEUE, "deliveryId = " + id);
    }
}
