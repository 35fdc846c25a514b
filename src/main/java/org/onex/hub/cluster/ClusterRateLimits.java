package org.onex.hub.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;

/**
 * Request quotas counted across the cluster: a client gets {@code limit} requests per window whichever nodes
 * serve them. Fixed windows (the same as resilience4j's refresh period), one counter per client and window in a
 * Hazelcast map, incremented where its partition lives (an entry processor: atomic without a lock). An entry
 * outlives its window by one window and is then evicted.
 */
public class ClusterRateLimits {

    static final String MAP = "hub-rate-limits";

    private final IMap<String, Integer> counters;
    private final Clock clock;

    public ClusterRateLimits(HazelcastInstance hazelcast) {
        this(hazelcast, Clock.systemUTC());
    }

    ClusterRateLimits(HazelcastInstance hazelcast, Clock clock) {
        this.counters = hazelcast.getMap(MAP);
        this.clock = clock;
    }

    /**
     * Takes one request of {@code who}'s quota; returns 0 when granted, otherwise the nanoseconds until the next
     * window opens.
     */
    public long acquire(String who, int limit, Duration window) {
        long millis = Math.max(1, window.toMillis());
        long now = clock.millis();
        long index = now / millis;
        String key = who + '@' + millis + '#' + index;
        Integer count = counters.executeOnKey(key, new Increment());
        if (count == 1) {
            counters.setTtl(key, 2 * millis, TimeUnit.MILLISECONDS);
        }
        if (count <= limit) {
            return 0;
        }
        return TimeUnit.MILLISECONDS.toNanos((index + 1) * millis - now);
    }

    /** Adds one to the counter and answers the new count (runs on the member that owns the key). */
    static final class Increment implements EntryProcessor<String, Integer, Integer> {

        private static final long serialVersionUID = 1L;

        @Override
        public Integer process(Map.Entry<String, Integer> entry) {
            Integer next = entry.getValue() == null ? 1 : entry.getValue() + 1;
            entry.setValue(next);
            return next;
        }
    }
}
