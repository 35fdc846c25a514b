package org.onex.hub.web;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the hub is not ready ({@code /actuator/health/readiness} not UP: starting or stopping), every request to
 * {@code /api/**} is answered 503 with {@code Retry-After}, before anything else looks at it.
 *
 * <p>Why: Spring Boot starts Tomcat before the Camel context has started and before the department route files are
 * loaded. In between, for a second or two, the port answers while a push could not yet reach its feed's routes
 * (when the API was Camel REST DSL, its operations did not even exist yet, and a department pushing then got 404,
 * which reads "wrong URL": the fault suite counted 10 to 15 after every restart). The readiness state becomes
 * ACCEPTING_TRAFFIC only after all of it (Camel started, every route file loaded, the application runners done),
 * so "not ready: 503, try again" is the truthful answer, and a ready hub serves every operation.
 */
public final class ApiNotReadyFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;

    public ApiNotReadyFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        ApiProblems.write(response, 503, "Service Unavailable", "the hub is not ready (starting or stopping); try"
                + " again in " + RETRY_AFTER_SECONDS + " s (readiness: /actuator/health/readiness)");
    }
}
