package org.onex.hub.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.onex.hub.delivery.DeliveryRecoveryProperties;
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
    private final DeliveryRecoveryProperties settings;
    private final Clock clock;
    private final ConsoleFormat format;

    public DeliveriesController(DeliveryStore deliveries, OperatorActions actions, DeliveryRecoveryProperties settings,
            Clock clock, ConsoleFormat format) {
        this.format = format;
        this.deliveries = deliveries;
        this.actions = actions;
        this.settings = settings;
        this.clock = clock;
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

    /**
     * The 全部 tab (no status) lists every delivery; {@code stuck=true} lists those still PENDING or QUEUED past
     * {@code hub.delivery.stuck-after}, and every listed one that is stuck is marked.
     */
    @GetMapping("/console/deliveries")
    public String deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String department, @RequestParam(defaultValue = "false") boolean stuck,
            Model model, Locale locale) {
        // List.of(...).contains(null) throws, which made the 全部 tab answer 500
        String s = status != null && STATUSES.contains(status) ? status : null;
        String d = ConsoleParams.code(department);
        Instant plannedBefore = clock.instant().minus(settings.stuckAfter());
        List<Delivery> list = stuck ? deliveries.stuck(d, plannedBefore, null, 200)
                : deliveries.list(d, s, null, null, 200);
        model.addAttribute("deliveries", list);
        model.addAttribute("stuckIds", list.stream().filter(x -> x.isStuck(plannedBefore)).map(Delivery::id)
                .collect(Collectors.toSet()));
        model.addAttribute("stuckAfter", settings.stuckAfterText("zh".equals(locale.getLanguage())));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", stuck ? null : s);
        model.addAttribute("stuck", stuck);
        model.addAttribute("department", d);
        return "console/deliveries";
    }

    @PostMapping("/console/deliveries/{id}/replay")
    public String replay(@PathVariable long id, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        Delivery d = actions.replayDelivery(id, ConsoleActor.of(principal));
        redirect.addFlashAttribute("notice", "#" + id + ": " + format.label("DeliveryStatus", d.status()));
        return "redirect:" + ConsoleModel.back(request);
    }

    @PostMapping("/console/deliveries/{id}/discard")
    public String discard(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect) {
        Delivery d = actions.discardDelivery(id, ConsoleActor.of(principal), comment);
        redirect.addFlashAttribute("notice", "#" + id + ": " + format.label("DeliveryStatus", d.status()));
        return "redirect:" + ConsoleModel.back(request);
    }
}
