package org.onex.hub.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.onex.hub.alert.Causes;
import org.onex.hub.alert.SourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll strategy of polling source consumers (SFTP): a department server that cannot be reached (down,
 * wrong password, changed host key) is logged at every failed poll and reported to {@link SourceHealth}
 * under the consumer's own route id, which after {@value SourceHealth#DOWN_AFTER} failed polls in a row
 * shows the route DOWN and raises a SOURCE_UNREACHABLE alert with the cause. The consumer keeps polling;
 * the next successful poll resets the count. Other routes, of this department too, are not affected.
 */
public final class SourcePollStrategy implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePollStrategy.class);

    private final String department;
    private final String feed;
    private final String where;
    private final AtomicInteger failures = new AtomicInteger();
    private final SourceHealth health;
    private volatile long pollStarted = System.nanoTime();

    public SourcePollStrategy(String department, String feed, String where, SourceHealth health) {
        this.department = department;
        this.feed = feed;
        this.where = where;
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
        health.ok(routeId(consumer), department, feed, sincePollStarted());
    }

    private Duration sincePollStarted() {
        return Duration.ofNanos(System.nanoTime() - pollStarted);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        int n = failures.incrementAndGet();
        String reason = Causes.describe(cause);
        health.failed(routeId(consumer), department, feed, "cannot poll " + where + ": " + reason, sincePollStarted());
        LOG.warn("{}/{}: cannot poll {} ({} failed polls in a row): {}", department, feed, where, n, reason);
        return false; // no immediate retry; the next scheduled poll tries again
    }

    /** The route the consumer belongs to (route ids start with the department code). */
    private String routeId(Consumer consumer) {
        String id = consumer instanceof RouteIdAware r ? r.getRouteId() : null;
        return id != null ? id : department + "-" + feed;
    }

    /** Number of polls in a row that failed (0 after a successful poll). */
    public int consecutiveFailures() {
        return failures.get();
    }
}
