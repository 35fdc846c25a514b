package org.onex.hub.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Console sign-ins and failed attempts in the audit log (every operator action, and who tried).
 * API key authentication is stateless and audited by what the client then does.
 */
@Component
public class LoginAudit {

    private final AuditLog audit;

    public LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void success(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            audit.record("console:" + token.getName(), null, AuditAction.LOGIN, "console", Map.of());
        }
    }

    /**
     * A failed sign-in, with the address it came from. Sign-ins refused by the throttle are not audited one by one
     *: the block itself is, once ({@link ConsoleLoginThrottle}).
     */
    @EventListener
    public void failure(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof ConsoleLoginThrottle.Throttled) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", event.getException().getClass().getSimpleName());
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web) {
            detail.put("remoteAddress", web.getRemoteAddress());
        }
        audit.record("console:" + event.getAuthentication().getName(), null, AuditAction.LOGIN_FAILED,
                ConsoleLoginThrottle.TARGET, detail);
    }
}
