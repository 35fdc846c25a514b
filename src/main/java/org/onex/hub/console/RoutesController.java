package org.onex.hub.console;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.ops.OperatorActions;
import org.onex.hub.ops.RouteStatuses;
import org.onex.hub.ops.RouteStatuses.RouteStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every route with status, throughput and last error, grouped by unit (issue 17 item 4): the units whose routes
 * need attention first, the hub's own routes last and collapsed unless one of them failed. An operator suspends and
 * resumes department routes here.
 */
@Controller
public class RoutesController implements ConsolePage {

    /**
     * The routes of one unit, or of the hub itself ({@code department} null).
     *
     * @param troubled routes not running as they should (failed, stopped, not started, suspended) or with an error
     */
    public record RouteGroup(String department, List<RouteStatus> routes, long troubled) {
        public boolean hub() {
            return department == null;
        }
    }

    private final RouteStatuses routes;
    private final OperatorActions actions;

    private final ConsoleFormat format;

    public RoutesController(RouteStatuses routes, OperatorActions actions, ConsoleFormat format) {
        this.format = format;
        this.routes = routes;
        this.actions = actions;
    }

    @Override
    public String path() {
        return "/console/routes";
    }

    @Override
    public String titleKey() {
        return "nav.routes";
    }

    @Override
    public int order() {
        return 20;
    }

    @GetMapping("/console/routes")
    public String routes(Model model) {
        model.addAttribute("groups", groups(routes.all()));
        return "console/routes";
    }

    /** Units with troubled routes first (most first), then by code; the hub's own routes last. */
    static List<RouteGroup> groups(List<RouteStatus> all) {
        Map<String, List<RouteStatus>> byUnit = new LinkedHashMap<>();
        all.forEach(r -> byUnit.computeIfAbsent(r.department() == null ? "" : r.department(), k -> new ArrayList<>())
                .add(r));
        List<RouteGroup> out = new ArrayList<>();
        byUnit.forEach((unit, list) -> out.add(new RouteGroup(unit.isEmpty() ? null : unit, List.copyOf(list),
                list.stream().filter(RoutesController::troubled).count())));
        out.sort(Comparator.comparing(RouteGroup::hub).thenComparing(RouteGroup::troubled, Comparator.reverseOrder())
                .thenComparing(g -> g.hub() ? "" : g.department()));
        return out;
    }

    static boolean troubled(RouteStatus r) {
        return r.lastError() != null || !("Started".equals(r.status()) || RouteStatuses.STANDBY.equals(r.status()));
    }

    @PostMapping("/console/routes/{id}/suspend")
    public String suspend(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", id + ": " + format.message("route."
                + actions.suspendRoute(id, ConsoleActor.of(principal))));
        return "redirect:/console/routes";
    }

    @PostMapping("/console/routes/{id}/resume")
    public String resume(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", id + ": " + format.message("route."
                + actions.resumeRoute(id, ConsoleActor.of(principal))));
        return "redirect:/console/routes";
    }
}
