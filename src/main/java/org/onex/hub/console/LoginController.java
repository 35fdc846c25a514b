package org.onex.hub.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator login page; Spring Security processes the form (WebSecurityConfiguration). */
@Controller
public class LoginController {

    @GetMapping("/console/login")
    public String login() {
        return "console/login";
    }
}
