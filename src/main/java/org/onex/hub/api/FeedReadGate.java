package org.onex.hub.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A bulkhead for the feed's pages ({@code GET /api/v1/records}): at most {@code hub.api.feed-reads.concurrent}
 * pages are read (queried and viewed) at once on this node, the other requests wait their turn in order, and a
 * request that waited {@code hub.api.feed-reads.wait} for a slot in vain gets 503 with Retry-After. Clients that
 * page the feed without pause then share those slots instead of taking every core from the department routes
 * (issue 18: eight readers took four fifths of ingest on two cores). Default: half the cores, at least one.
 */
@Component
public class FeedReadGate {

    private final Semaphore slots;
    private final int concurrent;
    private final Duration wait;
    private final Counter refused;

    public FeedReadGate(@Value("${hub.api.feed-reads.concurrent:0}") int concurrent,
            @Value("${hub.api.feed-reads.wait:10s}") Duration wait, MeterRegistry registry) {
        this.concurrent = concurrent > 0 ? concurrent : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (wait.isNegative()) {
            throw new IllegalArgumentException("hub.api.feed-reads.wait must not be negative: " + wait);
        }
        this.wait = wait;
        this.slots = new Semaphore(this.concurrent, true);
        Gauge.builder("hub_feed_reads_waiting", slots, Semaphore::getQueueLength)
                .description("Feed page requests waiting for a slot (hub.api.feed-reads.concurrent)")
                .register(registry);
        this.refused = Counter.builder("hub_feed_reads_refused_total")
                .description("Feed page requests answered 503 after waiting hub.api.feed-reads.wait")
                .register(registry);
    }

    /** Runs {@code read} in a slot; 503 with Retry-After if none came free in time. */
    public <T> T read(Supplier<T> read) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, null, "the hub is stopping").retryAfter(1);
        }
        if (!acquired) {
            refused.increment();
            throw new ApiException(503, null, "the feed is serving " + concurrent + " page(s) at once"
                    + " (hub.api.feed-reads.concurrent) and this request waited " + wait.toMillis()
                    + " ms for its turn; retry").retryAfter(1);
        }
        try {
            return read.get();
        } finally {
            slots.release();
        }
    }

    /** Pages read at once at most. */
    public int concurrent() {
        return concurrent;
    }
}
