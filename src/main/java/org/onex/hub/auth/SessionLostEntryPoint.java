package org.onex.hub.auth;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's way to the login page. A browser that sends a session id this node does not know (the session
 * timed out, or it lived in a hub node that has since left the cluster) is sent to {@code login?expired}, which
 * says so, rather than to a bare login form that looks like an unexplained sign-out.
 */
final class SessionLostEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SessionLostEntryPoint(String loginPage) {
        super(loginPage);
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) {
        String login = super.determineUrlToUseForThisRequest(request, response, exception);
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() ? login + "?expired"
                : login;
    }
}
