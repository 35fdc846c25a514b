package org.onex.hub.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onex.hub.alert.SourceHealth;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.store.OverviewStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: every unit of the registry with its health, freshness, last delivery, open alerts and quarantine. */
@Controller
public class OverviewController implements ConsolePage {

    /**
     * One unit's line of the overview. {@code freshest} is when any of its feeds last delivered rows; {@code feeds}
     * counts its routes; {@code failingRoute} names the route that makes it DEGRADED or DOWN (null when UP).
     */
    public record Row(Department department, String health, int feeds, Instant freshest, Instant lastDelivery,
            long openAlerts, long quarantine, long deadDeliveries, String failingRoute) {
    }

    private final DepartmentRegistry registry;
    private final SourceHealth health;
    private final OverviewStore overview;

    public OverviewController(DepartmentRegistry registry, SourceHealth health, OverviewStore overview) {
        this.registry = registry;
        this.health = health;
        this.overview = overview;
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
    public String overview(Model model) {
        Map<String, Map<String, SourceHealth.State>> states = health.byDepartment();
        List<OverviewStore.FeedActivity> activity = overview.feedActivity();
        Map<String, Instant> lastDelivery = overview.lastDelivery();
        Map<String, Long> alerts = overview.openAlerts();
        Map<String, Long> quarantine = overview.openQuarantine();
        Map<String, Long> dead = overview.deadDeliveries();
        List<Row> rows = new ArrayList<>();
        for (Department d : registry.all()) {
            Instant freshest = activity.stream().filter(a -> a.department().equals(d.code()))
                    .map(OverviewStore.FeedActivity::lastRowsAt).max(Instant::compareTo).orElse(null);
            rows.add(new Row(d, health.departmentStatus(d.code()), states.getOrDefault(d.code(), Map.of()).size(),
                    freshest, lastDelivery.get(d.code()), alerts.getOrDefault(d.code(), 0L),
                    quarantine.getOrDefault(d.code(), 0L), dead.getOrDefault(d.code(), 0L),
                    health.worst(d.code()).filter(s -> !"UP".equals(SourceHealth.status(s)))
                            .map(SourceHealth.State::route).orElse(null)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("down", rows.stream().filter(r -> "DOWN".equals(r.health())).count());
        model.addAttribute("openAlerts", rows.stream().mapToLong(Row::openAlerts).sum());
        model.addAttribute("openQuarantine", rows.stream().mapToLong(Row::quarantine).sum());
        model.addAttribute("deadDeliveries", rows.stream().mapToLong(Row::deadDeliveries).sum());
        return "console/overview";
    }
}
