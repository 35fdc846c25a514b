package org.onex.hub.console;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.onex.hub.delivery.DeliveryRouter;
import org.onex.hub.ingest.ProviderEntitlement;
import org.onex.hub.mapping.Rules;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.ops.OperatorActions.BulkReplay;
import org.onex.hub.store.QuarantineStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The quarantine across units (issue 17 item 3): open rows grouped by rule × unit × feed, each group saying who must
 * act and how — the department fixes its data, or the hub admin fixes a mapping or {@code config/matters.yaml} —
 * and replayed in bulk once fixed. The rows themselves (masked for the operator) are on the department's page.
 */
@Controller
public class QuarantineController implements ConsolePage {

    /** Who fixes a row quarantined for a rule. */
    public enum Actor {
        /** The department corrects the value in its own system; the next poll or file brings the row again. */
        DEPARTMENT,
        /** The hub admin corrects the mapping (a code list, a date format, an expression) or the matters. */
        HUB_ADMIN
    }

    /**
     * Rules a department cannot fix by correcting its data: the mapping does not know a code or a format, an
     * expression of the mapping failed, a record type falls in a category config/matters.yaml does not give it, a
     * decision's matter has no competent department in config/matters.yaml, or the sharing policy does not let the
     * department provide the category (config/sharing-policy.yaml, R-CATEGORIES).
     */
    private static final Set<String> HUB_ADMIN_RULES = Set.of(Rules.MAPPING_CODE_UNKNOWN, Rules.MAPPING_TYPE,
            Rules.MAPPING_EXPRESSION, org.onex.hub.schema.Rules.CATEGORY_MISMATCH,
            DeliveryRouter.NO_COMPETENT_DEPARTMENT, ProviderEntitlement.RULE);

    private final QuarantineStore quarantine;
    private final OperatorActions actions;
    private final ConsoleFormat format;

    public QuarantineController(QuarantineStore quarantine, OperatorActions actions, ConsoleFormat format) {
        this.quarantine = quarantine;
        this.actions = actions;
        this.format = format;
    }

    @Override
    public String path() {
        return "/console/quarantine";
    }

    @Override
    public String titleKey() {
        return "nav.quarantine";
    }

    @Override
    public int order() {
        return 25;
    }

    static Actor actor(String rule) {
        return HUB_ADMIN_RULES.contains(rule) ? Actor.HUB_ADMIN : Actor.DEPARTMENT;
    }

    /** One group as the page shows it. */
    public record Group(QuarantineStore.OpenGroup rows, Actor actor) {
    }

    @GetMapping("/console/quarantine")
    public String quarantine(@RequestParam(required = false) String department, Model model) {
        String d = ConsoleParams.code(department);
        List<Group> groups = quarantine.openGroups(d).stream().map(g -> new Group(g, actor(g.rule()))).toList();
        model.addAttribute("groups", groups);
        model.addAttribute("department", d);
        return "console/quarantine";
    }

    /** Replays every open row of a group (up to the newest the page showed) after the fix. */
    @PostMapping("/console/quarantine/replay-group")
    public String replayGroup(@RequestParam String rule, @RequestParam String department, @RequestParam String feed,
            @RequestParam long maxId, Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        BulkReplay r = actions.replayQuarantineGroup(rule, department, feed, maxId, ConsoleActor.of(principal));
        redirect.addFlashAttribute(r.stillQuarantined() == 0 ? "notice" : "error", format.violation(rule) + " "
                + format.department(department) + " " + feed + ": " + r.stored() + " ✓, " + r.superseded() + " ⇢, "
                + r.stillQuarantined() + " ✗"
                + (r.firstRule() == null ? "" : " — " + format.violation(r.firstRule()) + " " + r.firstRule()));
        return "redirect:" + ConsoleModel.back(request);
    }
}
