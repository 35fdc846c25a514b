package org.onex.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.alert.SourceHealth;
import org.onex.hub.deadline.Scorecards;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.ActivityStore;
import org.onex.hub.store.OverviewStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The overview answers "what needs me now" (issue 17 item 1): one line per unit, the wired units (those with a
 * route or rows) first and the worst of them first; per unit its health with the failing route named, freshness
 * coloured by age, obligations late and overdue this month and last (R-ASSESS), open quarantine by rule, dead
 * letters and exchanges waiting for it — each number a link to its filtered list — and a strip of rows per hour and
 * lag over the last 24 h or 7 d from {@link ActivityStore}. The page refreshes itself in place.
 */
@Controller
public class OverviewController implements ConsolePage {

    /** Late and overdue obligations a unit is responsible for in one month (R-ASSESS). */
    public record Lateness(int late, int overdue) {
        static final Lateness NONE = new Lateness(0, 0);

        Lateness plus(Scorecards.Line l) {
            return new Lateness(late + l.late(), overdue + l.overdue());
        }
    }

    /**
     * One unit's line. {@code freshest} is when any of its feeds last delivered rows; {@code feeds} counts its routes;
     * {@code failingRoute} names the route that makes it DEGRADED or DOWN (null when UP).
     */
    public record Row(Department department, String health, int feeds, Instant freshest, Instant lastDelivery,
            long openAlerts, long quarantine, long deadDeliveries, String failingRoute, Lateness thisMonth,
            Lateness lastMonth, Map<String, Long> quarantineByRule, long pendingExchanges, String strip) {

        /** A unit the hub exchanges data with: it has a route or has sent rows. */
        public boolean wired() {
            return feeds > 0 || freshest != null;
        }

        /** How much needs attention, for the order of the lines: the worst first. */
        int weight() {
            int h = switch (health) {
            case "DOWN" -> 3;
            case "DEGRADED" -> 2;
            default -> 0;
            };
            return h * 1_000_000 + (int) Math.min(999_999, deadDeliveries * 100 + thisMonth.overdue() * 50
                    + openAlerts * 10 + quarantine + pendingExchanges * 10 + thisMonth.late());
        }
    }

    private final DepartmentRegistry registry;
    private final SourceHealth health;
    private final OverviewStore overview;
    private final Scorecards scorecards;
    private final ActivityStore activity;
    private final Clock clock;

    public OverviewController(DepartmentRegistry registry, SourceHealth health, OverviewStore overview,
            Scorecards scorecards, ActivityStore activity, Clock clock) {
        this.registry = registry;
        this.health = health;
        this.overview = overview;
        this.scorecards = scorecards;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/console";
    }

    @Override
    public String titleKey() {
        return "nav.overview";
    }

    @Override
    public int order() {
        return 10;
    }

    @GetMapping({"/console", "/console/"})
    public String overview(@RequestParam(defaultValue = "24h") String range, Model model) {
        String r = "7d".equals(range) ? "7d" : "24h";
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(HubDates.ZONE));
        Map<String, Map<String, SourceHealth.State>> states = health.byDepartment();
        List<OverviewStore.FeedActivity> feeds = overview.feedActivity();
        Map<String, Instant> lastDelivery = overview.lastDelivery();
        Map<String, Long> alerts = overview.openAlerts();
        Map<String, Long> quarantine = overview.openQuarantine();
        Map<String, Map<String, Long>> byRule = overview.openQuarantineByRule();
        Map<String, Long> dead = overview.deadDeliveries();
        Map<String, Long> exchanges = overview.pendingExchanges();
        Map<String, Lateness> thisMonth = lateness(month);
        Map<String, Lateness> lastMonth = lateness(month.minusMonths(1));
        Map<String, String> strips = strips(now, "7d".equals(r) ? 24 * 7 : 24);
        List<Row> rows = new ArrayList<>();
        for (Department d : registry.all()) {
            String c = d.code();
            Instant freshest = feeds.stream().filter(a -> a.department().equals(c))
                    .map(OverviewStore.FeedActivity::lastRowsAt).max(Instant::compareTo).orElse(null);
            rows.add(new Row(d, health.departmentStatus(c), states.getOrDefault(c, Map.of()).size(), freshest,
                    lastDelivery.get(c), alerts.getOrDefault(c, 0L), quarantine.getOrDefault(c, 0L),
                    dead.getOrDefault(c, 0L), health.worst(c).filter(s -> !"UP".equals(SourceHealth.status(s)))
                            .map(SourceHealth.State::route).orElse(null),
                    thisMonth.getOrDefault(c, Lateness.NONE), lastMonth.getOrDefault(c, Lateness.NONE),
                    byRule.getOrDefault(c, Map.of()), exchanges.getOrDefault(c, 0L), strips.get(c)));
        }
        List<Row> ordered = order(rows);
        model.addAttribute("rows", ordered);
        model.addAttribute("range", r);
        model.addAttribute("month", month.toString());
        model.addAttribute("lastMonth", month.minusMonths(1).toString());
        model.addAttribute("down", rows.stream().filter(x -> "DOWN".equals(x.health())).count());
        model.addAttribute("openAlerts", rows.stream().mapToLong(Row::openAlerts).sum());
        model.addAttribute("openQuarantine", rows.stream().mapToLong(Row::quarantine).sum());
        model.addAttribute("deadDeliveries", rows.stream().mapToLong(Row::deadDeliveries).sum());
        model.addAttribute("overdue", rows.stream().mapToLong(x -> x.thisMonth().overdue()).sum());
        return "console/overview";
    }

    /** Wired units first, the worst first, then in registry order. */
    static List<Row> order(List<Row> rows) {
        Map<Row, Integer> position = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            position.put(rows.get(i), i);
        }
        return rows.stream().sorted(Comparator.comparing((Row x) -> !x.wired())
                .thenComparing(Row::weight, Comparator.reverseOrder()).thenComparing(position::get)).toList();
    }

    private Map<String, Lateness> lateness(YearMonth month) {
        Map<String, Lateness> out = new HashMap<>();
        for (Scorecards.Line l : scorecards.month(month, null)) {
            out.merge(l.department(), Lateness.NONE.plus(l), (a, b) -> new Lateness(a.late() + b.late(),
                    a.overdue() + b.overdue()));
        }
        return out;
    }

    /**
     * Per unit, the JSON of its strip: the hours (Beijing time, "MM-dd HH"), rows per hour and mean lag in minutes
     * (null where no row gave its change time), for the last {@code hours} hours including the current one.
     */
    private Map<String, String> strips(Instant now, int hours) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
        Map<String, long[]> rowsBy = new HashMap<>();
        Map<String, Long[]> lagBy = new HashMap<>();
        for (ActivityStore.Hour h : activity.since(first)) {
            int i = (int) Duration.between(first, h.start()).toHours();
            if (i < 0 || i >= hours) {
                continue;
            }
            rowsBy.computeIfAbsent(h.department(), k -> new long[hours])[i] = h.rows();
            lagBy.computeIfAbsent(h.department(), k -> new Long[hours])[i] = h.lagAvgMs();
        }
        java.time.format.DateTimeFormatter label = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:00")
                .withZone(HubDates.ZONE);
        Map<String, String> out = new HashMap<>();
        for (Department d : registry.all()) {
            long[] counts = rowsBy.getOrDefault(d.code(), new long[hours]);
            Long[] lags = lagBy.getOrDefault(d.code(), new Long[hours]);
            ObjectNode strip = HubJson.mapper().createObjectNode();
            ArrayNode hoursNode = strip.putArray("hours");
            ArrayNode rowsNode = strip.putArray("rows");
            ArrayNode lagNode = strip.putArray("lagMinutes");
            for (int i = 0; i < hours; i++) {
                hoursNode.add(label.format(first.plus(Duration.ofHours(i))));
                rowsNode.add(counts[i]);
                if (lags[i] == null) {
                    lagNode.addNull();
                } else {
                    lagNode.add(Math.round(lags[i] / 600.0) / 100.0);
                }
            }
            strip.put("total", java.util.Arrays.stream(counts).sum());
            out.put(d.code(), strip.toString());
        }
        return out;
    }
}
