package org.onex.hub.ingest;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.onex.hub.ops.Alerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll strategy of polling source consumers (SFTP): a department server that cannot be reached (down,
 * wrong password, changed host key) is logged at every failed poll and, after {@code alertAfter}
 * failed polls in a row, raised as a SOURCE_UNREACHABLE alert with the cause. The consumer keeps
 * polling; the next successful poll resets the count. Other departments are not affected.
 */
public final class SourcePollStrategy implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePollStrategy.class);

    private final String department;
    private final String feed;
    private final String where;
    private final Alerts alerts;
    private final int alertAfter;
    private final AtomicInteger failures = new AtomicInteger();
    private final org.onex.hub.ops.SourceHealth health;
    private volatile long pollStarted = System.nanoTime();

    public SourcePollStrategy(String department, String feed, String where, Alerts alerts, int alertAfter,
            org.onex.hub.ops.SourceHealth health) {
        this.department = department;
        this.feed = feed;
        this.where = where;
        this.alerts = alerts;
        this.alertAfter = alertAfter;
        this.health = health;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        pollStarted = System.nanoTime();
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        failures.set(0);
        health.ok(department, feed, sincePollStarted());
    }

    private java.time.Duration sincePollStarted() {
        return java.time.Duration.ofNanos(System.nanoTime() - pollStarted);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        int n = failures.incrementAndGet();
        String reason = rootMessage(cause);
        health.failed(department, feed, "cannot poll " + where + ": " + reason, sincePollStarted());
        LOG.warn("{}/{}: cannot poll {} ({} failed polls in a row): {}", department, feed, where, n, reason);
        if (n >= alertAfter) {
            alerts.warning(Alerts.SOURCE_UNREACHABLE, department, feed, where, "cannot poll " + where + " ("
                    + n + " failed polls in a row): " + reason);
        }
        return false; // no immediate retry; the next scheduled poll tries again
    }

    /** Number of polls in a row that failed (0 after a successful poll). */
    public int consecutiveFailures() {
        return failures.get();
    }

    private static String rootMessage(Throwable t) {
        return org.onex.hub.ops.Causes.describe(t);
    }
}
