package org.onex.hub.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commit-to-feed delay under a steady trickle. One thread plays the department's application and inserts
 * single rows at a fixed rate (auto-commit, so the commit instant is when the insert returns); another
 * polls the hub store every {@value #POLL_MS} ms for those rows whose current version has a feed sequence
 * number, i.e. has become visible in the feed. The delay of a row is the difference of the two monotonic
 * instants, so it includes up to {@value #POLL_MS} ms of polling granularity.
 */
final class LatencyProbe {

    static final int POLL_MS = 50;

    private static final String VISIBLE = "SELECT r.source_key FROM hub_record r JOIN hub_record_version v"
            + " ON v.id = r.current_version_id WHERE r.department = 'scjgj' AND r.feed = 'licences'"
            + " AND v.feed_seq IS NOT NULL AND r.source_key = ANY(?)";

    /** Figures of one probe; delays in milliseconds, sorted. */
    record Result(int inserted, double achievedRate, List<Double> delaysMs, int missing) {

        double percentile(double p) {
            if (delaysMs.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * delaysMs.size());
            return delaysMs.get(Math.max(0, Math.min(delaysMs.size() - 1, rank - 1)));
        }

        double max() {
            return delaysMs.isEmpty() ? Double.NaN : delaysMs.get(delaysMs.size() - 1);
        }
    }

    private final LicenceSeeder seeder;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    LatencyProbe(LicenceSeeder seeder) {
        this.seeder = seeder;
    }

    /**
     * Inserts {@code rate} rows per second for {@code seconds} seconds, then waits up to {@code drainSeconds}
     * for the last rows to reach the feed.
     */
    Result run(Connection source, Connection store, int rate, int seconds, int drainSeconds) throws Exception {
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-latency");
            t.setDaemon(true);
            return t;
        });
        try (PreparedStatement insert = LicenceSeeder.prepareInsert(source);
                PreparedStatement visible = store.prepareStatement(VISIBLE)) {
            source.setAutoCommit(true);
            int[] done = { 0 };
            long begin = System.nanoTime();
            ScheduledFuture<?> inserter = pool.scheduleAtFixedRate(() -> {
                if (done[0] >= total) {
                    throw new IllegalStateException("done"); // ends the schedule
                }
                guard(() -> {
                    String key = seeder.insertLive(insert);
                    committedAt.put(key, System.nanoTime());
                    done[0]++;
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            ScheduledFuture<?> poller = pool.scheduleWithFixedDelay(() -> guard(() -> poll(store, visible)), POLL_MS,
                    POLL_MS, TimeUnit.MILLISECONDS);
            while (!inserter.isDone() && failure.get() == null) {
                Thread.sleep(20);
            }
            long insertNanos = System.nanoTime() - begin;
            long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
            while (visibleAt.size() < committedAt.size() && System.nanoTime() < deadline && failure.get() == null) {
                Thread.sleep(POLL_MS);
            }
            poller.cancel(false);
            if (failure.get() != null) {
                throw failure.get();
            }
            return result(committedAt.size(), insertNanos);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void poll(Connection store, PreparedStatement visible) throws SQLException {
        List<String> pending = new ArrayList<>();
        committedAt.keySet().forEach(k -> {
            if (!visibleAt.containsKey(k)) {
                pending.add(k);
            }
        });
        if (pending.isEmpty()) {
            return;
        }
        Array keys = store.createArrayOf("varchar", pending.toArray());
        visible.setArray(1, keys);
        try (ResultSet rs = visible.executeQuery()) {
            long now = System.nanoTime();
            while (rs.next()) {
                visibleAt.putIfAbsent(rs.getString(1), now);
            }
        }
    }

    private Result result(int inserted, long insertNanos) {
        List<Double> delays = new ArrayList<>();
        committedAt.forEach((key, committed) -> {
            Long seen = visibleAt.get(key);
            if (seen != null) {
                delays.add((seen - committed) / 1e6);
            }
        });
        delays.sort(null);
        double achieved = inserted / (insertNanos / 1e9);
        return new Result(inserted, achieved, delays, inserted - delays.size());
    }

    private void guard(SqlAction action) {
        try {
            action.run();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws Exception;
    }
}
