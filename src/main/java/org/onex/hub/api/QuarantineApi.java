package org.onex.hub.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/quarantine} and {@code POST /api/v1/quarantine/{id}/replay}. */
@RestController
@RequestMapping(path = "/api/v1/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
public class QuarantineApi {

    private static final Set<String> PARAMS = Set.of("department", "feed", "rule", "status", "cursor", "limit");
    /** Every rule code a quarantined row can carry (the console labels each, {@code enum.Rule.<code>}). */
    public static final Set<String> RULES = ruleCodes();

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

    /** A page of quarantine entries, each masked by the enforcer's quarantine view (the provider sees its own). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryPage(List<ObjectNode> items, int count, String nextCursor) implements ApiAnswer.Viewed {
    }

    /** What a replay made of the row: stored (its record and version) or quarantined again, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Replay(long id, String outcome, Long recordId, Integer version, List<Failure> failures) {
    }

    /** One rule a row failed. */
    public record Failure(String field, String rule, String message) {
    }

    @GetMapping
    public EntryPage list(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of("OPEN", "RESOLVED").contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of [OPEN, RESOLVED]");
        }
        Client client = Callers.current();
        QuarantineFilter filter = new QuarantineFilter(Callers.department(client, q.matching("department",
                "[a-z][a-z0-9]{1,15}", "a department code")), q.text("feed"), rule(q), status);
        long before = Cursors.decode("quarantine", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        List<QuarantineEntry> entries = quarantine.list(filter, before < 0 ? null : before, limit);
        String query = request.getQueryString();
        audit.record(client, AuditAction.QUARANTINE_READ, "quarantine?" + (query == null ? "" : query),
                java.util.Map.of("count", entries.size(), "ids",
                AuditLog.idsDigest(entries.stream().map(QuarantineEntry::id).toList())));
        Page<QuarantineEntry> page = Page.of(entries, limit, "quarantine", QuarantineEntry::id);
        return new EntryPage(entries.stream().map(e -> json(e, client)).toList(), page.count(), page.nextCursor());
    }

    /** Re-runs a quarantined row through its feed's current mapping (after the mapping or data was fixed). */
    @PostMapping("/{id}/replay")
    public Replay replay(@PathVariable("id") String raw) {
        long id = ApiBodies.id(raw, "quarantine");
        RowOutcome outcome = actions.replayQuarantine(id, Callers.current());
        return new Replay(id, outcome.status().name(), outcome.recordId(),
                outcome.recordId() == null ? null : outcome.version(), failureList(outcome.violations()));
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

    static List<Failure> failureList(List<Violation> violations) {
        return violations.stream().map(v -> new Failure(v.field(), v.rule(), v.message())).toList();
    }

    static ArrayNode failures(List<Violation> violations) {
        ArrayNode a = HubJson.mapper().createArrayNode();
        for (Violation v : violations) {
            a.addObject().put("field", v.field()).put("rule", v.rule()).put("message", v.message());
        }
        return a;
    }
}
