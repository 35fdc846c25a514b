package org.onex.hub.console;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.onex.hub.alert.Alerts;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Alerts an operator can work through (issue 17 item 2): grouped by kind × unit with counts, each group acknowledged
 * at once with one comment, filters chosen from the known values. Two tabs: 待处理 (actionable: every kind but the
 * late history) and 迟报记录 (OBLIGATION_LATE: obligations already met, only late; R-ASSESS counts them on the
 * scorecards, so they are history to review, not work to do). Individual alerts below the groups, newest first.
 */
@Controller
public class AlertsController implements ConsolePage {

    /** The tabs of the page. */
    static final String ACTIONABLE = "actionable";
    static final String LATE = "late";
    static final String ALL = "all";
    private static final Set<String> STATUSES = Set.of(Alert.OPEN, Alert.ACKNOWLEDGED);
    private static final int SHOWN = 50;

    private final AlertStore alerts;
    private final OperatorActions actions;
    private final DepartmentRegistry registry;
    private final ConsoleFormat format;

    public AlertsController(AlertStore alerts, OperatorActions actions, DepartmentRegistry registry,
            ConsoleFormat format) {
        this.alerts = alerts;
        this.actions = actions;
        this.registry = registry;
        this.format = format;
    }

    @Override
    public String path() {
        return "/console/alerts";
    }

    @Override
    public String titleKey() {
        return "nav.alerts";
    }

    @Override
    public int order() {
        return 30;
    }

    @GetMapping("/console/alerts")
    public String alerts(@RequestParam(defaultValue = ACTIONABLE) String view,
            @RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String department,
            @RequestParam(required = false) String kind, Model model) {
        String v = Set.of(LATE, ALL).contains(view) ? view : ACTIONABLE;
        String s = STATUSES.contains(status) ? status : null; // "ALL" or anything else: every status
        String d = ConsoleParams.code(department);
        List<String> kinds = alerts.kinds();
        String k = LATE.equals(v) ? Alerts.OBLIGATION_LATE : kinds.contains(kind) ? kind : null;
        String except = ACTIONABLE.equals(v) && k == null ? Alerts.OBLIGATION_LATE : null;
        List<Alert> list = alerts.list(s, d, k, except, null, SHOWN);
        model.addAttribute("groups", alerts.groups(s, d, k, except));
        model.addAttribute("alerts", list);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("view", v);
        model.addAttribute("status", s == null ? "ALL" : s);
        model.addAttribute("department", d);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", kinds.stream().filter(x -> !LATE.equals(v) || Alerts.OBLIGATION_LATE.equals(x))
                .toList());
        model.addAttribute("units", registry.all());
        return "console/alerts";
    }

    @PostMapping("/console/alerts/{id}/ack")
    public String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
            Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        actions.acknowledgeAlert(id, ConsoleActor.of(principal), comment);
        redirect.addFlashAttribute("notice", "#" + id + " ✓");
        return "redirect:" + ConsoleModel.back(request);
    }

    /** Acknowledges a whole group (kind × unit) with one comment, up to the newest alert the page showed. */
    @PostMapping("/console/alerts/ack-group")
    public String acknowledgeGroup(@RequestParam String kind, @RequestParam(required = false) String department,
            @RequestParam long maxId, @RequestParam(defaultValue = "") String comment, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect) {
        int n = actions.acknowledgeAlerts(kind, ConsoleParams.code(department), maxId, ConsoleActor.of(principal),
                comment);
        redirect.addFlashAttribute("notice", format.alertKind(kind) + " × " + n + " ✓");
        return "redirect:" + ConsoleModel.back(request);
    }
}
