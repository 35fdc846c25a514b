package org.onex.hub.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.onex.hub.policy.Client;
import org.onex.hub.web.ApiProblems;
import org.onex.hub.web.BodyLimits;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Abuse limits: each authenticated client gets {@code hub.security.rate-limit.requests}
 * requests per {@code period} (resilience4j's RateLimiter, one per client); beyond that 429 with
 * {@code Retry-After} in seconds. Anonymous requests are limited per remote address. Request bodies
 * above {@code hub.security.max-body-size} are refused with 413 before they are read (the push endpoint
 * has its own, larger {@code hub.push.max-body-size}).
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiterConfig config;
    private final BodyLimits bodyLimits;
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimitFilter(int requests, Duration period, BodyLimits bodyLimits) {
        this.config = RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.bodyLimits = bodyLimits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String who = ClientAuthentication.current().map(c -> "client:" + c.id())
                .orElse("address:" + request.getRemoteAddr());
        RateLimiter limiter = limiters.computeIfAbsent(who, k -> RateLimiter.of(k, config));
        if (!limiter.acquirePermission()) {
            long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                    : config.getLimitRefreshPeriod().toNanos();
            long wait = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", String.valueOf(wait));
            ApiProblems.write(response, 429, "Too Many Requests", "more than " + config.getLimitForPeriod()
                    + " requests in " + config.getLimitRefreshPeriod().toMillis() + " ms; retry after " + wait + " s");
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
