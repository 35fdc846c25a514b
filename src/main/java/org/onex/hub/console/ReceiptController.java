package org.onex.hub.console;

import org.onex.hub.notice.Notice;
import org.onex.hub.notice.Notices;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one-time receipt link of a copy notice (抄告回执, R-CHANNEL), opened from the QR code on its slip: the page
 * names the notice, and its button records the receipt with the signer's post. The token is the credential (192
 * random bits, stored only as its SHA-256); a link used once shows the receipt it recorded.
 */
@Controller
public class ReceiptController {

    private final Notices notices;

    public ReceiptController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/console/receipt/{token}")
    public String show(@PathVariable("token") String token, Model model) {
        model.addAttribute("notice", find(token));
        model.addAttribute("token", token);
        return "console/receipt";
    }

    @PostMapping("/console/receipt/{token}")
    public String confirm(@PathVariable("token") String token, @RequestParam(name = "by", required = false) String by,
            Model model) {
        find(token);
        Notice n = notices.receiptByToken(token, by).orElseThrow();
        model.addAttribute("notice", n);
        model.addAttribute("token", token);
        model.addAttribute("confirmed", true);
        return "console/receipt";
    }

    private Notice find(String token) {
        if (!token.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return notices.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
