package org.onex.hub.auth;

import java.io.IOException;
import java.time.Duration;

import org.onex.hub.cluster.ClusterRateLimits;
import org.onex.hub.web.ApiProblems;
import org.onex.hub.web.BodyLimits;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Abuse limits: each authenticated client gets {@code hub.security.rate-limit.requests}
 * requests per {@code period} across the cluster, whichever nodes serve them ({@link ClusterRateLimits}); beyond
 * that 429 with {@code Retry-After} in seconds. Anonymous requests are limited per remote address. Request bodies
 * above {@code hub.security.max-body-size} are refused with 413 before they are read (the push endpoint
 * has its own, larger {@code hub.push.max-body-size}).
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final int requests;
    private final Duration period;
    private final BodyLimits bodyLimits;
    private final ClusterRateLimits quotas;

    public RateLimitFilter(int requests, Duration period, BodyLimits bodyLimits, ClusterRateLimits quotas) {
        this.requests = requests;
        this.period = period;
        this.bodyLimits = bodyLimits;
        this.quotas = quotas;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String who = ClientAuthentication.current().map(c -> "client:" + c.id())
                .orElse("address:" + request.getRemoteAddr());
        long nanos = quotas.acquire(who, requests, period);
        if (nanos > 0) {
            long wait = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", String.valueOf(wait));
            ApiProblems.write(response, 429, "Too Many Requests", "more than " + requests
                    + " requests in " + period.toMillis() + " ms; retry after " + wait + " s");
            return;
        }
        String uri = request.getRequestURI();
        long limit = bodyLimits.limit(uri);
        if (request.getContentLengthLong() > limit) {
            ApiProblems.write(response, 413, "Content Too Large", "the request body is larger than " + limit + " bytes ("
                    + BodyLimits.setting(uri) + (BodyLimits.kind(uri) == BodyLimits.Kind.PUSH
                            ? "); push fewer rows per request" : ")"));
            return;
        }
        if (BodyLimits.kind(uri) != BodyLimits.Kind.PUSH && request.getContentLengthLong() < 0
                && request.getHeader("Transfer-Encoding") != null) {
            // a body of unknown length could be any size: only pushes are streamed (and limited while read)
            ApiProblems.write(response, 411, "Length Required", "send a Content-Length (bodies outside"
                    + " /api/v1/ingest are at most " + BodyLimits.setting(uri) + ")");
            return;
        }
        chain.doFilter(request, response);
    }
}
