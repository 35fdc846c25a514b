package org.onex.hub.deadline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.util.TimeUtils;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.deadline.ObligationRule.Period;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code config/obligations.yaml}: the obligations, reminder and freshness settings, checked at start-up. */
public record ObligationRules(List<ObligationRule> rules, int reminderWorkingDays, Duration lateCommitThreshold,
        Duration lateAlertWindow, List<Freshness> freshness) {

    public static final String FILE = "obligations.yaml";

    /** A feed expected to send something every {@code silentWorkingDays} working days. */
    public record Freshness(String department, String feed, int silentWorkingDays) {
    }

    public static ObligationRules none() {
        return new ObligationRules(List.of(), 2, Duration.ofMinutes(10), Duration.ofDays(30), List.of());
    }

    public static ObligationRules load(Path file, DepartmentRegistry registry) {
        if (!Files.exists(file)) {
            return none();
        }
        YamlDocument doc = YamlDocument.load(file);
        List<Problem> problems = new ArrayList<>();
        JsonNode root = doc.root();
        Map<String, ObligationRule> rules = new LinkedHashMap<>();
        JsonNode list = root.path("rules");
        for (int i = 0; i < list.size(); i++) {
            String at = YamlDocument.pointer("rules", i);
            try {
                ObligationRule rule = rule(list.get(i));
                if (rules.put(rule.id(), rule) != null) {
                    problems.add(doc.problem(at + "/id", "rule " + rule.id() + " is listed twice"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem(at, e.getMessage()));
            }
        }
        List<Freshness> freshness = new ArrayList<>();
        JsonNode fresh = root.path("freshness");
        for (int i = 0; i < fresh.size(); i++) {
            JsonNode f = fresh.get(i);
            String department = f.path("department").asText("");
            if (registry.find(department).isEmpty()) {
                problems.add(doc.problem(YamlDocument.pointer("freshness", i, "department"),
                        "unknown department '" + department + "'"));
            }
            int days = f.path("silentWorkingDays").asInt(0);
            if (days < 1) {
                problems.add(doc.problem(YamlDocument.pointer("freshness", i), "silentWorkingDays must be at least 1"));
            }
            freshness.add(new Freshness(department, f.path("feed").asText(""), days));
        }
        Duration threshold = Duration.ofMinutes(10);
        try {
            if (root.hasNonNull("lateCommitThreshold")) {
                threshold = TimeUtils.toDuration(root.get("lateCommitThreshold").asText());
            }
        } catch (RuntimeException e) {
            problems.add(doc.problem("/lateCommitThreshold", "not a duration such as 10m"));
        }
        Duration window = Duration.ofDays(30);
        try {
            if (root.hasNonNull("lateAlertWindow")) {
                window = TimeUtils.toDuration(root.get("lateAlertWindow").asText());
            }
        } catch (RuntimeException e) {
            problems.add(doc.problem("/lateAlertWindow", "not a duration such as 30d"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ObligationRules(List.copyOf(rules.values()), root.path("reminderWorkingDays").asInt(2), threshold,
                window, List.copyOf(freshness));
    }

    private static ObligationRule rule(JsonNode n) {
        String id = n.path("id").asText("");
        if (!id.matches("R-[A-Z-]+")) {
            throw new IllegalArgumentException("id '" + id + "' is not a rule ID of the policy such as R-APPROVAL-NOTICE");
        }
        JsonNode applies = n.path("applies");
        Category category = applies.hasNonNull("category") ? Category.valueOf(applies.get("category").asText()) : null;
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        applies.path("recordTypes").forEach(t -> types.add(RecordType.valueOf(t.asText())));
        if (category == null && types.isEmpty()) {
            throw new IllegalArgumentException(id + ": applies needs a category or recordTypes");
        }
        ObligationRule.Provider provider = ObligationRule.Provider.valueOf(applies.path("provider").asText("any")
                .toUpperCase(Locale.ROOT));
        ObligationRule.Event event = "actionDate".equals(n.path("event").asText("decided"))
                ? ObligationRule.Event.ACTION_DATE : ObligationRule.Event.DECIDED;
        ObligationRule.Completion completion = ObligationRule.Completion.valueOf(n.path("completion").asText("")
                .toUpperCase(Locale.ROOT));
        ObligationRule.Responsible responsible = ObligationRule.Responsible.valueOf(n.path("responsible")
                .asText("provider").toUpperCase(Locale.ROOT));
        Period period = period(id, n.path("period"));
        Period urgent = n.hasNonNull("urgentPeriod") ? period(id, n.get("urgentPeriod")) : null;
        return new ObligationRule(id, n.path("nameZh").asText(id), n.path("nameEn").asText(id), category,
                Set.copyOf(types), provider, event, completion, period, urgent, responsible);
    }

    private static Period period(String id, JsonNode p) {
        if (p.isTextual() && p.asText().equals("immediately")) {
            return new Period(Period.Kind.IMMEDIATELY, 0);
        }
        Map<String, Period.Kind> kinds = Map.of("workingDays", Period.Kind.WORKING_DAYS, "calendarDays",
                Period.Kind.CALENDAR_DAYS, "hours", Period.Kind.HOURS, "calendarDaysBefore",
                Period.Kind.CALENDAR_DAYS_BEFORE);
        for (Map.Entry<String, Period.Kind> k : kinds.entrySet()) {
            if (p.hasNonNull(k.getKey())) {
                int amount = p.get(k.getKey()).asInt(0);
                if (amount < 1) {
                    throw new IllegalArgumentException(id + ": " + k.getKey() + " must be at least 1");
                }
                return new Period(k.getValue(), amount);
            }
        }
        throw new IllegalArgumentException(id + ": period must be immediately or one of " + kinds.keySet());
    }

    public ObligationRule require(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no obligation rule " + id));
    }
}
