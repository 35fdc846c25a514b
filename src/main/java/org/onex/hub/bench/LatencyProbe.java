package org.onex.hub.bench;

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
 * polls the hub store every {@value #POLL_MS} ms for feed entries ({@code hub_feed}) after the last place it
 * saw, as a feed consumer pages by sequence number (places become visible in order, so none is skipped):
 * a row is visible in the feed once its version has a place there. The delay of a row is the
 * difference of the two monotonic instants, so it includes up to {@value #POLL_MS} ms of polling granularity.
 */
final class LatencyProbe {

    static final int POLL_MS = 50;

    /**
     * New feed entries with their source key. Scalar subqueries by primary key rather than joins: with the
     * store's tables never analyzed, a join may be planned as hash joins over every version, which would make
     * the probe itself load the database it measures.
     */
    private static final String VISIBLE = "SELECT f.seq, (SELECT r.source_key FROM hub_record r WHERE r.id ="
            + " (SELECT v.record_id FROM hub_record_version v WHERE v.id = f.version_id)) FROM hub_feed f"
            + " WHERE f.seq > ? ORDER BY f.seq";

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
    private long lastSeq;

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
                PreparedStatement visible = store.prepareStatement(VISIBLE);
                var s = store.createStatement(); var rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM hub_feed")) {
            rs.next();
            lastSeq = rs.getLong(1);
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
            ScheduledFuture<?> poller = pool.scheduleWithFixedDelay(() -> guard(() -> poll(visible)), POLL_MS,
                    POLL_MS, TimeUnit.MILLISECONDS);
            while (!inserter.isDone() && failure.get() == null) {
                Thread.sleep(20);
            }
            long insertNanos = System.nanoTime() - begin;
            long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
            while (!visibleAt.keySet().containsAll(committedAt.keySet()) && System.nanoTime() < deadline
                    && failure.get() == null) {
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

    private void poll(PreparedStatement visible) throws SQLException {
        visible.setLong(1, lastSeq);
        try (ResultSet rs = visible.executeQuery()) {
            long now = System.nanoTime();
            while (rs.next()) {
                lastSeq = rs.getLong(1);
                visibleAt.putIfAbsent(rs.getString(2), now); // only entries of this phase: seq > the start's max
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
