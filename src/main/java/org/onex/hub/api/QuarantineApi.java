package org.onex.hub.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.delivery.DeliveryRouter;
import org.onex.hub.ingest.ProviderEntitlement;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourcePayloads;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.QuarantineView;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.Rules;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.QuarantineEntry;
import org.onex.hub.store.QuarantineFilter;
import org.onex.hub.store.QuarantineStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/quarantine} and {@code POST /api/v1/quarantine/{id}/replay}. */
@Component
public class QuarantineApi {

    private static final Set<String> PARAMS = Set.of("department", "feed", "rule", "status", "cursor", "limit");
    static final Set<String> RULES = ruleCodes();

    private final QuarantineStore quarantine;
    private final SourcePayloads payloads;
    private final OperatorActions actions;
    private final SharingEnforcer enforcer;
    private final AuditLog audit;
    private final QuarantineView view;

    public QuarantineApi(QuarantineStore quarantine, SourcePayloads payloads, OperatorActions actions,
            SharingEnforcer enforcer, AuditLog audit, QuarantineView view) {
        this.quarantine = quarantine;
        this.payloads = payloads;
        this.actions = actions;
        this.enforcer = enforcer;
        this.audit = audit;
        this.view = view;
    }

    /** A rule code a quarantined row can carry, or 400 naming the ones there are (like an unknown status). */
    private static String rule(QueryParams q) {
        String rule = q.text("rule");
        if (rule != null && !RULES.contains(rule)) {
            throw ApiException.badParameter("rule", "rule '" + rule + "' is not one of " + RULES);
        }
        return rule;
    }

    /**
     * Every rule a row is quarantined under: the envelope's and the mapping's rules, a provider the sharing policy
     * does not entitle, and a decision with no competent department.
     */
    private static Set<String> ruleCodes() {
        Set<String> codes = new TreeSet<>();
        for (Class<?> rules : List.of(Rules.class, org.onex.hub.mapping.Rules.class)) {
            for (Field field : rules.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        codes.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        codes.add(ProviderEntitlement.RULE);
        codes.add(DeliveryRouter.NO_COMPETENT_DEPARTMENT);
        return Collections.unmodifiableSet(codes);
    }

    public ObjectNode list(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of("OPEN", "RESOLVED").contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of [OPEN, RESOLVED]");
        }
        Client client = Callers.of(exchange);
        QuarantineFilter filter = new QuarantineFilter(Callers.department(client, q.matching("department",
                "[a-z][a-z0-9]{1,15}", "a department code")), q.text("feed"), rule(q), status);
        long before = Cursors.decode("quarantine", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        List<QuarantineEntry> entries = quarantine.list(filter, before < 0 ? null : before, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        entries.forEach(e -> items.add(json(e, client)));
        audit.record(client, AuditAction.QUARANTINE_READ, "quarantine?" + exchange.getMessage().getHeader(
                Exchange.HTTP_QUERY, ""), java.util.Map.of("count", entries.size(), "ids",
                AuditLog.idsDigest(entries.stream().map(QuarantineEntry::id).toList())));
        out.put("count", entries.size());
        if (entries.size() == limit) {
            out.put("nextCursor", Cursors.encode("quarantine", entries.get(entries.size() - 1).id()));
        }
        return out;
    }

    /** Re-runs a quarantined row through its feed's current mapping (after the mapping or data was fixed). */
    public ObjectNode replay(Exchange exchange) {
        long id = id(exchange);
        RowOutcome outcome = actions.replayQuarantine(id, Callers.of(exchange));
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.put("id", id);
        out.put("outcome", outcome.status().name());
        if (outcome.recordId() != null) {
            out.put("recordId", outcome.recordId());
            out.put("version", outcome.version());
        }
        out.set("failures", failures(outcome.violations()));
        return out;
    }

    private static long id(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "quarantine id '" + raw + "' is not a number");
        }
    }

    private ObjectNode json(QuarantineEntry e, Client client) {
        ObjectNode n = HubJson.mapper().createObjectNode();
        n.put("id", e.id());
        n.put("department", e.department());
        n.put("feed", e.feed());
        // the source key and refs may themselves be ID numbers: masked by value like the payload
        n.put("sourceKey", view.text(client, e, e.sourceKey()));
        n.put("sourceRef", view.text(client, e, e.sourceRef()));
        n.put("status", e.status());
        n.put("timesSeen", e.timesSeen());
        ArrayNode channels = n.putArray("channels"); // one entry per row, its channels listed
        for (QuarantineEntry.Channel c : e.channels()) {
            channels.addObject().put("channel", c.name()).put("timesSeen", c.timesSeen())
                    .put("firstSeenAt", c.firstSeenAt().toString()).put("lastSeenAt", c.lastSeenAt().toString())
                    .put("sourceRef", view.text(client, e, c.sourceRef()));
        }
        n.put("createdAt", e.createdAt().toString());
        n.put("lastSeenAt", e.lastSeenAt().toString());
        if (e.resolvedAt() != null) {
            n.put("resolvedAt", e.resolvedAt().toString());
            n.put("resolution", e.resolution());
        }
        n.set("failures", failures(e.failures().stream().map(v -> new Violation(v.field(), v.rule(), v.severity(),
                view.text(client, e, v.message()))).toList())); // reasons may quote the value
        // raw source rows: masked for every client but the unit that provided them
        // by what the feed's mapping makes of each column, whatever it is called
        n.set("payload", view.payload(client, e));
        return n;
    }

    static ArrayNode failures(List<Violation> violations) {
        ArrayNode a = HubJson.mapper().createArrayNode();
        for (Violation v : violations) {
            a.addObject().put("field", v.field()).put("rule", v.rule()).put("message", v.message());
        }
        return a;
    }
}
