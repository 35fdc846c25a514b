package org.onex.hub.ingest.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The work one department may cause through pushes: pushes at once ({@code concurrent}, 429
 * before the body is read) and rows per period ({@code rows}/{@code period}, a window that starts with the
 * department's first push of the period; 429 with the seconds to its end as Retry-After). Both are counted per
 * hub node, in memory, like the request rate limit: a restart or another node starts from zero, which bounds the
 * work of each node, the point of the limit. The rows per request and the deadline are checked by the push
 * itself ({@link PushProperties.Limits}).
 *
 * <p>At start it checks that the web layer's own timeout for an asynchronous request
 * ({@code spring.mvc.async.request-timeout}; Tomcat's 30 s when unset) leaves every push time to answer after
 * its deadline: that timer answered 503 while the push went on and committed later.
 */
@Component
@EnableConfigurationProperties(PushProperties.class)
public class PushLimits {

    /** Time to answer after a push's deadline: the commit and the response body. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);

    private final PushProperties properties;
    private final Clock clock;
    private final ConcurrentMap<String, Semaphore> running = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public PushLimits(PushProperties properties, Clock clock, Environment environment) {
        this.properties = properties;
        this.clock = clock;
        Duration web = environment.getProperty("spring.mvc.async.request-timeout", Duration.class,
                Duration.ofSeconds(30));
        Duration needed = properties.longestTimeout().plus(ANSWER_MARGIN);
        if (web.compareTo(needed) < 0) {
            throw new IllegalStateException("spring.mvc.async.request-timeout (" + web.toSeconds() + " s) must be at"
                    + " least hub.push.timeout plus " + ANSWER_MARGIN.toSeconds() + " s (" + needed.toSeconds()
                    + " s): a push still working when the web layer gives up is answered 503 and commits later");
        }
    }

    public PushProperties.Limits limits(String department) {
        return properties.limitsFor(department);
    }

    /** Takes one of the department's push slots; close the slot when the push is answered. */
    public Slot enter(String department) {
        PushProperties.Limits limits = limits(department);
        Semaphore slots = running.computeIfAbsent(department, d -> new Semaphore(limits.concurrent()));
        if (!slots.tryAcquire()) {
            throw new PushRefusedException(429, 1, limits.concurrent() + " push(es) of " + department + " are being"
                    + " processed (hub.push.per-department.concurrent); send the next when one is answered");
        }
        return slots::release;
    }

    /** Pushes of the department being processed now on this node. */
    public int running(String department) {
        PushProperties.Limits limits = limits(department);
        Semaphore slots = running.get(department);
        return slots == null ? 0 : limits.concurrent() - slots.availablePermits();
    }

    /** Counts {@code rows} against the department's rows of this period, or refuses them all (429). */
    public void spend(String department, int rows) {
        PushProperties.Limits limits = limits(department);
        long wait = windows.computeIfAbsent(department, d -> new Window()).spend(rows, limits, clock.instant());
        if (wait > 0) {
            throw new PushRefusedException(429, wait, department + " has pushed its " + limits.rows() + " rows of the"
                    + " last " + limits.period().toSeconds() + " s (hub.push.per-department.rows and .period); these "
                    + rows + " rows were not stored: retry after " + wait + " s");
        }
    }

    /** A push slot; closing it frees the slot. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** One department's rows in its current period; guarded by its own lock. */
    private static final class Window {
        private Instant start;
        private long used;

        /** Returns 0 when the rows are admitted, else the seconds until the period ends. */
        synchronized long spend(int rows, PushProperties.Limits limits, Instant now) {
            if (start == null || !now.isBefore(start.plus(limits.period()))) {
                start = now;
                used = 0;
            }
            if (used + rows > limits.rows()) {
                long millis = Duration.between(now, start.plus(limits.period())).toMillis();
                return Math.max(1, (millis + 999) / 1000);
            }
            used += rows;
            return 0;
        }
    }
}
