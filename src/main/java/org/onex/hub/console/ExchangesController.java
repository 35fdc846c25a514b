package org.onex.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.onex.hub.exchange.Exchange;
import org.onex.hub.exchange.ExchangeKind;
import org.onex.hub.exchange.ExchangeState;
import org.onex.hub.exchange.ExchangeStore;
import org.onex.hub.notice.NoticeStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Cooperation exchanges (issue 15 item 5): each unit's inbox — what waits for its answer and until when, the most
 * urgent first —, the leadership-group office's joint-action board, the Justice Bureau's disputes, and the 抄告
 * copy notices with their PDFs to print and whether each was signed for.
 */
@Controller
public class ExchangesController implements ConsolePage {

    /** The tabs of the page. */
    static final List<String> VIEWS = List.of("inbox", "joint", "disputes", "all", "notices");

    private final ExchangeStore exchanges;
    private final NoticeStore notices;
    private final Clock clock;

    public ExchangesController(ExchangeStore exchanges, NoticeStore notices, Clock clock) {
        this.exchanges = exchanges;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/console/exchanges";
    }

    @Override
    public String titleKey() {
        return "nav.exchanges";
    }

    @Override
    public int order() {
        return 45;
    }

    @GetMapping("/console/exchanges")
    public String exchanges(@RequestParam(required = false) String view, @RequestParam(required = false) String unit,
            Model model) {
        String v = view != null && VIEWS.contains(view) ? view : "inbox";
        String u = ConsoleParams.code(unit);
        List<Exchange> list = switch (v) {
        case "inbox" -> exchanges.list(u, "receiver", null, ExchangeState.SUBMITTED, null, 500).stream()
                .sorted(Comparator.comparing(Exchange::replyDueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        case "joint" -> exchanges.list(u, null, ExchangeKind.JOINT_APPLICATION, null, null, 200);
        case "disputes" -> exchanges.list(u, null, null, ExchangeState.DISPUTED, null, 200);
        case "all" -> exchanges.list(u, null, null, null, null, 200);
        default -> List.of();
        };
        model.addAttribute("view", v);
        model.addAttribute("views", VIEWS);
        model.addAttribute("unit", u);
        model.addAttribute("exchanges", list);
        Instant now = clock.instant();
        model.addAttribute("overdue", list.stream().filter(x -> overdue(x, now)).map(Exchange::number)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("notices", "notices".equals(v) ? notices.list(u, false, null, 200) : List.of());
        return "console/exchanges";
    }

    /** A copy notice's PDF, to print in one click. */
    @GetMapping("/console/notices/{id}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var n = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + n.number() + ".pdf\"")
                .body(notices.pdf(id).orElseThrow());
    }

    /** Whether an answer is past its due time (the page marks it). */
    static boolean overdue(Exchange x, Instant now) {
        return x.replyDueAt() != null && x.replyDueAt().isBefore(now) && !x.state().closed();
    }
}
