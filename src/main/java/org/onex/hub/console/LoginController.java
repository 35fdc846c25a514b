package org.onex.hub.console;

import org.onex.hub.auth.ConsoleProperties;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The operator login page; Spring Security processes the form (WebSecurityConfiguration). A sign-in refused by
 * the throttle ({@code ?throttled}) says how long sign-in stays paused: the configured period, the same for every
 * account name, so the page does not tell whether an account exists.
 */
@Controller
public class LoginController {

    private final ConsoleProperties properties;

    public LoginController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/console/login")
    public String login(Model model) {
        model.addAttribute("throttleMinutes", Math.max(1, (properties.login().period().toSeconds() + 59) / 60));
        return "console/login";
    }

    /**
     * A refused request (any method; Spring Security forwards it here with status 403): a role that may not open
     * the page, or a POST without a valid CSRF token (an expired or forged form).
     */
    @RequestMapping("/console/denied")
    public String denied(HttpServletRequest request, Model model) {
        model.addAttribute(request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                ? "csrfDenied" : "denied", true);
        return login(model);
    }
}
