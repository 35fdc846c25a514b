package org.onex.hub.api;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.onex.hub.deadline.ObligationEngine;
import org.onex.hub.deadline.ObligationRule;
import org.onex.hub.deadline.ObligationRules;
import org.onex.hub.deadline.Scorecards;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubDates;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /api/v1/obligations} (due times, status, lateness and attribution of every obligation),
 * {@code POST /api/v1/obligations/{id}/complete} (the plug-in point for flows that complete an
 * obligation outside the hub's own events: assistance replies, transfers) and
 * {@code /api/v1/scorecards} (R-ASSESS; {@code format=csv} for a download).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ObligationApi {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

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

    /** The scorecards of a month (R-ASSESS). */
    public record ScorecardsAnswer(String month, List<Scorecards.Line> lines) {
    }

    @GetMapping("/obligations")
    public Page<Obligation> list(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        String status = q.text("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of " + STATUSES);
        }
        long before = Cursors.decode("obligations", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.current();
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
        return Page.of(list, limit, "obligations", Obligation::id);
    }

    /** Body: {@code {"at": "2026-11-20T08:00:00Z"}} (default now): completes an obligation with completion external. */
    @PostMapping("/obligations/{id}/complete")
    public Obligation complete(@PathVariable("id") String raw, @RequestBody(required = false) byte[] text) {
        long id = ApiBodies.id(raw, "obligation");
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
        JsonNode body;
        try {
            body = ApiBodies.json(text, "the body");
        } catch (ApiException e) {
            throw ApiException.badParameter("at", "at must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
        }
        if (body.hasNonNull("at")) {
            try {
                at = Instant.parse(body.get("at").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter("at", "at must be an ISO-8601 instant such as 2026-11-20T08:00:00Z");
            }
        }
        engine.completeExternally(rule, o, at);
        return store.find(id).orElseThrow();
    }

    /** JSON, or with {@code format=csv} a CSV download; both masked for the client ({@link ApiAnswers}). */
    @GetMapping(path = "/scorecards", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> scorecards(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, Set.of("month", "department", "format"));
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
        Client client = Callers.current();
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        List<Scorecards.Line> lines = scorecards.month(month, Callers.departmentIfConfined(client, asked));
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scorecard-" + month + ".csv\"")
                    .body(Scorecards.csv(lines));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new ScorecardsAnswer(month.toString(), lines));
    }
}
