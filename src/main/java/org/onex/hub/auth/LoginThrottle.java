package org.onex.hub.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * Failed logins per remote host (abuse limits, on the broker's network acceptor): after
 * {@code failures} failed logins within {@code period}, every login from that host is refused, with the right
 * key or not, until the period counting them has passed. Without it, anybody reaching the acceptor could try
 * keys as fast as the broker answers, and fill the audit log with one LOGIN_FAILED row per try.
 *
 * <p>The failures of a host are counted by a resilience4j {@link RateLimiter} (one per host, each failure takes
 * a permission; the permissions come back every period). Per host rather than per client id: an attacker chooses
 * the client id freely. A client behind the same address as a misbehaving one is refused with it for at most one
 * period; the refusal is audited once per period ({@link AuditAction#LOGIN_THROTTLED}).
 *
 * <p>The console's sign-in ({@link ConsoleLoginThrottle}) uses the same class twice, keyed by
 * account name and by address; a key is any string. Its periods run on the hub's {@link Clock} there, so a test
 * can move time instead of waiting.
 */
final class LoginThrottle {

    /** Hosts whose failures are forgotten once this many are tracked and their permissions have come back. */
    private static final int TRACKED_HOSTS = 10_000;

    private final RateLimiterConfig config;
    private final Supplier<Long> nanoTime;
    private final ConcurrentMap<String, RateLimiter> failures = new ConcurrentHashMap<>();

    LoginThrottle(int failures, Duration period) {
        this(failures, period, null, "hub.security.broker-login");
    }

    /** Counts on {@code clock} (null: the JVM's nano time); {@code settings} names the limit in errors. */
    LoginThrottle(int failures, Duration period, Clock clock, String settings) {
        if (failures < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(settings + " needs failures >= 1 and a positive period");
        }
        this.config = RateLimiterConfig.custom().limitForPeriod(failures).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.nanoTime = clock == null ? System::nanoTime : () -> clock.millis() * 1_000_000L;
    }

    /** Whether logins from the host are refused now (it used up its failures of the current period). */
    boolean blocked(String host) {
        RateLimiter limiter = failures.get(host);
        return limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0;
    }

    /** Counts a failed login of the host; true if it was the host's last allowed failure of the period. */
    boolean failed(String host) {
        if (failures.size() >= TRACKED_HOSTS) {
            failures.values().removeIf(l -> l.getMetrics().getAvailablePermissions() >= config.getLimitForPeriod());
        }
        RateLimiter limiter = failures.computeIfAbsent(host, h -> new AtomicRateLimiter("login:" + h, config, nanoTime));
        return limiter.acquirePermission() && limiter.getMetrics().getAvailablePermissions() <= 0;
    }

    /** Forgets the failures of a key (an account that has just signed in with its right password). */
    void forget(String key) {
        failures.remove(key);
    }

    /** The host part of a remote address as Artemis gives it ({@code /127.0.0.1:54321}, {@code /[::1]:54321}). */
    static String host(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String a = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.indexOf(':') == colon || a.startsWith("[") && colon > a.indexOf(']')) {
            a = a.substring(0, colon);
        }
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }
}
