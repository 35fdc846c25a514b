package org.onex.hub.console;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.alert.SourceHealth;
import org.onex.hub.feed.FeedJson;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.QuarantineView;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedStore;
import org.onex.hub.store.OverviewStore;
import org.onex.hub.store.QuarantineEntry;
import org.onex.hub.store.QuarantineFilter;
import org.onex.hub.store.QuarantineStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

/** One department: its feeds and channels, its newest records, and its quarantine with reasons and replay. */
@Controller
public class DepartmentController {

    /** A feed or channel: health as its routes report it, and when it last delivered rows. */
    public record FeedRow(String name, String status, Instant lastSuccess, int failuresInARow, String lastError,
            Instant lastFailure, Instant lastRowsAt) {
    }

    /** A stored record version, summarised. */
    public record RecordRow(long recordId, int version, String category, String recordType, String documentNumber,
            String subjectName, Instant storedAt) {
    }

    private final DepartmentRegistry registry;
    private final SourceHealth health;
    private final OverviewStore overview;
    private final FeedStore feed;
    private final QuarantineStore quarantine;
    private final OperatorActions actions;
    private final SharingEnforcer enforcer;
    private final QuarantineView quarantineView;
    private final ConsoleFormat format;

    public DepartmentController(DepartmentRegistry registry, SourceHealth health, OverviewStore overview, FeedStore feed,
            QuarantineStore quarantine, OperatorActions actions, SharingEnforcer enforcer,
            QuarantineView quarantineView, ConsoleFormat format) {
        this.format = format;
        this.enforcer = enforcer;
        this.quarantineView = quarantineView;
        this.registry = registry;
        this.health = health;
        this.overview = overview;
        this.feed = feed;
        this.quarantine = quarantine;
        this.actions = actions;
    }

    @GetMapping("/console/departments/{code}")
    public String department(@PathVariable String code, Model model, Principal principal) {
        Department d = registry.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no department " + code));
        // one row per route (a database route and an SFTP route of one feed count apart); a feed that
        // delivered rows without a route reporting (a push feed) gets a row of its own
        Map<String, FeedRow> feeds = new TreeMap<>();
        Map<String, Instant> rowsAt = new java.util.HashMap<>();
        for (OverviewStore.FeedActivity a : overview.feedActivity()) {
            if (a.department().equals(code)) {
                rowsAt.put(a.feed(), a.lastRowsAt());
            }
        }
        health.byDepartment().getOrDefault(code, Map.of()).values().forEach(s -> feeds.put(s.name(),
                new FeedRow(s.name(), SourceHealth.status(s), s.lastSuccess(), s.failuresInARow(), s.lastError(),
                        s.lastFailure(), s.feed() == null ? null : rowsAt.get(s.feed()))));
        rowsAt.forEach((feed, at) -> {
            boolean reported = health.byDepartment().getOrDefault(code, Map.of()).values().stream()
                    .anyMatch(s -> feed.equals(s.feed()));
            if (!reported) {
                feeds.put(feed, new FeedRow(feed, "UNKNOWN", null, 0, null, null, at));
            }
        });
        List<RecordRow> records = new ArrayList<>();
        Client operator = ConsoleActor.of(principal);
        for (FeedItem item : feed.latest(code, 20)) {
            // what the operator's role may see, masked as on the API; other categories are left out
            enforcer.view(operator, FeedJson.envelope(item), null).ifPresent(view -> records.add(summary(item, view)));
        }
        List<QuarantineEntry> open = quarantine.list(new QuarantineFilter(code, null, null, QuarantineEntry.OPEN),
                null, 50);
        model.addAttribute("department", d);
        model.addAttribute("health", health.departmentStatus(code));
        model.addAttribute("feeds", feeds.values());
        model.addAttribute("records", records);
        model.addAttribute("quarantine", open);
        // the source rows as the operator may see them: masked by what the mapping makes of each column (item 8)
        Map<Long, String> payloads = new java.util.HashMap<>();
        open.forEach(q -> payloads.put(q.id(), HubJson.write(quarantineView.payload(operator, q))));
        model.addAttribute("payloads", payloads);
        return "console/department";
    }

    @PostMapping("/console/quarantine/{id}/replay")
    public String replay(@PathVariable long id, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        RowOutcome outcome = actions.replayQuarantine(id, ConsoleActor.of(principal));
        if (outcome.status() == RowOutcome.Status.QUARANTINED) {
            redirect.addFlashAttribute("error", "#" + id + ": " + String.join("; ", outcome.violations().stream()
                    .map(v -> format.violation(v.rule()) + " (" + v.field() + "): " + format.masked(v.message()))
                    .toList()));
        } else {
            redirect.addFlashAttribute("notice", format.message("quarantine.replayed", String.valueOf(id),
                    format.label("RowStatus", outcome.status().name()), String.valueOf(outcome.recordId()),
                    String.valueOf(outcome.version())));
        }
        return "redirect:" + ConsoleModel.back(request);
    }

    private static RecordRow summary(FeedItem item, JsonNode e) {
        return new RecordRow(item.recordId(), item.version(), item.category(), item.recordType(),
                e.path("document").path("number").asText(null), e.path("subject").path("name").asText(null),
                storedAt(e.path("times").path("storedAt").asText(null)));
    }

    /** The envelope's ISO instant, shown in Beijing time by the template; null if absent or unreadable. */
    private static Instant storedAt(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
