package org.onex.hub.console;

import java.security.Principal;

import org.onex.hub.ops.OperatorActions;
import org.onex.hub.ops.RouteStatuses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every route with status, throughput and last error; an operator suspends and resumes department routes here. */
@Controller
public class RoutesController implements ConsolePage {

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
        model.addAttribute("routes", routes.all());
        return "console/routes";
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
