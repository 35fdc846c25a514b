package org.onex.hub.console;

import java.security.Principal;
import java.util.List;

import org.onex.hub.ops.OperatorActions;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** Deliveries of the bureau's decisions (R-PENALTY-FEEDBACK); dead letters are replayed or discarded here. */
@Controller
public class DeliveriesController implements ConsolePage {

    static final List<String> STATUSES = List.of(Delivery.PENDING, Delivery.QUEUED, Delivery.DELIVERED, Delivery.DEAD,
            Delivery.DISCARDED);

    private final DeliveryStore deliveries;
    private final OperatorActions actions;

    public DeliveriesController(DeliveryStore deliveries, OperatorActions actions) {
        this.deliveries = deliveries;
        this.actions = actions;
    }

    @Override
    public String path() {
        return "/console/deliveries";
    }

    @Override
    public String titleKey() {
        return "nav.deliveries";
    }

    @Override
    public int order() {
        return 40;
    }

    @GetMapping("/console/deliveries")
    public String deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String department, Model model) {
        String s = status != null && STATUSES.contains(status) ? status : null; // List.of(...).contains(null) throws
        String d = ConsoleParams.code(department);
        model.addAttribute("deliveries", deliveries.list(d, s, null, null, 200));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", s);
        model.addAttribute("department", d);
        return "console/deliveries";
    }

    @PostMapping("/console/deliveries/{id}/replay")
    public String replay(@PathVariable long id, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        Delivery d = actions.replayDelivery(id, ConsoleActor.of(principal));
        redirect.addFlashAttribute("notice", "#" + id + ": " + d.status());
        return "redirect:" + ConsoleModel.back(request);
    }

    @PostMapping("/console/deliveries/{id}/discard")
    public String discard(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect) {
        Delivery d = actions.discardDelivery(id, ConsoleActor.of(principal), comment);
        redirect.addFlashAttribute("notice", "#" + id + ": " + d.status());
        return "redirect:" + ConsoleModel.back(request);
    }
}
