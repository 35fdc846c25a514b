package org.onex.hub.console;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.onex.hub.ops.OperatorActions;
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

/** Alerts, filtered by status, department and kind; an operator acknowledges one with a comment. */
@Controller
public class AlertsController implements ConsolePage {

    private static final Set<String> STATUSES = Set.of(Alert.OPEN, Alert.ACKNOWLEDGED);

    private final AlertStore alerts;
    private final OperatorActions actions;

    public AlertsController(AlertStore alerts, OperatorActions actions) {
        this.alerts = alerts;
        this.actions = actions;
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
    public String alerts(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String department, @RequestParam(required = false) String kind,
            Model model) {
        String s = STATUSES.contains(status) ? status : null; // "ALL" or anything else: every status
        String d = ConsoleParams.code(department);
        String k = kind == null || !kind.matches("[A-Z_]{1,48}") ? null : kind;
        List<Alert> list = alerts.list(s, d, k, null, 200);
        model.addAttribute("alerts", list);
        model.addAttribute("status", s == null ? "ALL" : s);
        model.addAttribute("department", d);
        model.addAttribute("kind", k);
        return "console/alerts";
    }

    @PostMapping("/console/alerts/{id}/ack")
    public String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
            Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        actions.acknowledgeAlert(id, ConsoleActor.of(principal), comment);
        redirect.addFlashAttribute("notice", "#" + id + " ✓");
        return "redirect:" + ConsoleModel.back(request);
    }
}
