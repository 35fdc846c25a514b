package org.onex.hub.console;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import org.onex.hub.ops.ActionRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every console page has: the navigation (every {@link ConsolePage} the signed-in role may open), the
 * signed-in operator,
 * and for actions that are refused (an alert already acknowledged, a delivery no longer dead) a
 * message on the page the operator came from instead of an error page.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

    private final List<ConsolePage> pages;
    private final WebInvocationPrivilegeEvaluator access;

    public ConsoleModel(List<ConsolePage> pages, WebInvocationPrivilegeEvaluator access) {
        this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order)).toList();
        this.access = access;
    }

    /** The pages the signed-in role may open (the security rules decide, so an office account sees no 403 links). */
    @ModelAttribute("nav")
    public List<ConsolePage> nav() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null ? pages : pages.stream().filter(p -> access.isAllowed(p.path(), who)).toList();
    }

    @ModelAttribute("operator")
    public String operator(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ActionRefusedException.class)
    public String refused(ActionRefusedException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:" + back(request);
    }

    /** The page an action was posted from (same origin only), else the overview. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI uri = java.net.URI.create(referer);
                if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
                        && uri.getRawPath().startsWith("/console")) {
                    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // not a URI: fall back to the overview
            }
        }
        return "/console";
    }
}
