package org.onex.hub.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.deadline.ObligationEngine;
import org.onex.hub.deadline.ObligationRule;
import org.onex.hub.deadline.ObligationRules;
import org.onex.hub.deadline.Scorecards;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/obligations} (due times, status, lateness and attribution of every obligation),
 * {@code POST /api/v1/obligations/{id}/complete} (the plug-in point for flows that complete an
 * obligation outside the hub's own events: assistance replies, transfers) and
 * {@code /api/v1/scorecards} (R-ASSESS; {@code format=csv} for a download).
 */
@Component
public class ObligationApi {

    private static final Set<String> PARAMS = Set.of("rule", "department", "status", "cursor", "limit");
    private static final Set<String> STATUSES = Set.of(Obligation.OPEN, Obligation.OVERDUE, Obligation.MET,
            Obligation.LATE);

    private final ObligationStore store;
    private final ObligationRules rules;
    private final ObligationEngine engine;
    private final Scorecards scorecards;
    private final Clock clock;

    public ObligationApi(ObligationStore store, ObligationRules rules, ObligationEngine engine, Scorecards scorecards,
            Clock clock) {
        this.store = store;
        this.rules = rules;
        this.engine = engine;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    public ObjectNode list(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, PARAMS);
        String status = q.text("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of " + STATUSES);
        }
        long before = Cursors.decode("obligations", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.of(exchange);
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        String rule = q.text("rule");
        List<String> ruleIds = rules.rules().stream().map(ObligationRule::id).sorted().toList();
        if (rule != null && !ruleIds.contains(rule)) {
            throw ApiException.badParameter("rule", "rule '" + rule + "' is not one of " + ruleIds
                    + " (config/obligations.yaml)");
        }
        List<Obligation> list = store.list(rule,
                Callers.departmentIfConfined(client, asked), status,
                before < 0 ? null : before, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        list.forEach(o -> items.add(HubJson.mapper().valueToTree(o)));
        out.put("count", list.size());
        if (list.size() == limit) {
            out.put("nextCursor", Cursors.encode("obligations", list.get(list.size() - 1).id()));
        }
        return out;
    }

    /** Body: {@code {"at": "2026-11-20T08:00:00Z"}} (default now): completes an obligation with completion external. */
    public ObjectNode complete(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "obligation id '" + raw + "' is not a number");
        }
        Obligation o = store.find(id).orElseThrow(() -> ApiException.notFound("no obligation " + id));
        var rule = rules.require(o.ruleId());
        if (rule.completion() != ObligationRule.Completion.EXTERNAL) {
            throw new ApiException(409, null, o.ruleId() + " is completed by the hub itself ("
                    + rule.completion().name().toLowerCase() + "), not through the API");
        }
        if (o.completedAt() != null) {
            throw new ApiException(409, null, "obligation " + id + " was completed at " + o.completedAt());
        }
        Instant at = clock.instant();
        String text = exchange.getMessage().getBody(String.class);
        if (text != null && !text.isBlank()) {
            try {
                JsonNode body = HubJson.mapper().readTree(text);
                if (body.hasNonNull("at")) {
                    at = Instant.parse(body.get("at").asText());
                }
            } catch (IOException | DateTimeParseException e) {
                throw ApiException.badParameter("at", "at must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
            }
        }
        engine.completeExternally(rule, o, at);
        return HubJson.mapper().valueToTree(store.find(id).orElseThrow());
    }

    public Object scorecards(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, Set.of("month", "department", "format"));
        String monthText = q.text("month");
        YearMonth month;
        try {
            month = monthText == null ? YearMonth.now(clock.withZone(HubDates.ZONE)) : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("month", "month '" + monthText + "' is not of the form 2026-11");
        }
        String format = q.text("format");
        if (format != null && !Set.of("json", "csv").contains(format)) {
            throw ApiException.badParameter("format", "format '" + format + "' is not json or csv");
        }
        Client client = Callers.of(exchange);
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        List<Scorecards.Line> lines = scorecards.month(month, Callers.departmentIfConfined(client, asked));
        if ("csv".equals(format)) {
            exchange.setProperty("hubCsv", true);
            exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"scorecard-" + month + ".csv\"");
            return Scorecards.csv(lines);
        }
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.put("month", month.toString());
        out.set("lines", HubJson.mapper().valueToTree(lines));
        return out;
    }
}
