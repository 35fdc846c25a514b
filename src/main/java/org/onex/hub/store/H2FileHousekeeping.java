package org.onex.hub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file close to the size of its data. The embedded default commits with
 * {@code WRITE_DELAY=0} so that nothing acknowledged is lost by kill -9; with a write delay of 0 H2 writes every
 * commit as a new chunk and starts no background writer, and that thread is what rewrites mostly-dead chunks. A
 * chunk that keeps a few live pages then stays forever, and the soak grew the file to 3.1 GB in 10 minutes for
 * 84 MB of data. This does the background writer's compaction on the hub's own thread: every {@code period}, for
 * up to {@code round-budget}, it asks the MVStore to rewrite the live pages of chunks below {@code fill-rate} per
 * cent, {@code write-limit} bytes a step, so those chunks die and their space is reused once H2's retention time
 * has passed. A step holds the store lock that commits need, so steps are small and each is followed by a pause
 * at least as long. It never changes how a commit is written. Nothing runs on PostgreSQL or an in-memory H2.
 * <p>
 * It reaches the MVStore through H2's engine classes (no public API offers it); {@code H2FileHousekeepingTest}
 * pins that to the H2 version the Boot BOM manages.
 */
@Component
public class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileHousekeeping.class);

    private static final int MAX_MISSES = 50;
    private static final long MISS_PAUSE_MILLIS = 20;

    private final DataSource dataSource;
    private final Duration period;
    private final int fillRate;
    private final int writeLimit;
    private final Duration budget;
    private volatile ScheduledExecutorService executor;
    private volatile MVStore store;

    public H2FileHousekeeping(DataSource dataSource,
            @Value("${hub.store.h2.housekeeping-period:5s}") Duration period,
            @Value("${hub.store.h2.fill-rate:80}") int fillRate,
            @Value("${hub.store.h2.write-limit:1048576}") int writeLimit,
            @Value("${hub.store.h2.round-budget:1s}") Duration budget) {
        this.dataSource = dataSource;
        this.period = period;
        this.fillRate = fillRate;
        this.writeLimit = writeLimit;
        this.budget = budget;
    }

    @Override
    public void start() {
        if (period.isZero() || period.isNegative() || !onH2File()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-file-housekeeping");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safeRound, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("H2 file housekeeping every {}: chunks under {}% live are rewritten", period, fillRate);
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private boolean onH2File() {
        try {
            return fileStore() != null;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The file-backed MVStore of the hub's database, found once (it lives as long as the database is open). */
    private MVStore fileStore() throws SQLException {
        MVStore store = this.store;
        if (store == null || store.isClosed()) {
            try (Connection c = dataSource.getConnection()) {
                store = mvStore(c);
            }
            this.store = store != null && store.getFileStore() != null ? store : null;
        }
        return this.store;
    }

    private void safeRound() {
        try {
            round();
        } catch (Exception e) {
            // Housekeeping only saves space: a failed round is retried at the next period, commits go on.
            LOG.warn("H2 file housekeeping round failed (retried in {}): {}", period, e.toString());
        }
    }

    /**
     * One round: rewrites sparse chunks until none is left below the fill rate or the round's time budget is
     * spent. Returns the number of compaction steps that rewrote something.
     */
    public int round() throws SQLException {
        MVStore store = fileStore();
        if (store == null || store.isClosed()) {
            return 0;
        }
        long end = System.nanoTime() + budget.toNanos();
        int steps = 0;
        int misses = 0;
        // compact() answers false both when nothing is left to rewrite and when a commit holds the store lock
        // (it only tries the lock); under load the second is common, so the round goes on until its budget.
        while (System.nanoTime() < end && store.getFileStore().getChunksFillRate() < fillRate) {
            long stepBegin = System.nanoTime();
            if (store.compact(fillRate, writeLimit)) {
                steps++;
                // A step holds H2's store lock, and every commit waits for it: after each step the commits get at
                // least as long again (with 16 MB steps the long fault run saw eight committing threads queued
                // behind the rewrite and an SFTP route fall minutes behind).
                pause(Math.max(MISS_PAUSE_MILLIS, (System.nanoTime() - stepBegin) / 1_000_000));
            } else {
                misses++;
                if (misses > MAX_MISSES) {
                    break;
                }
                pause(MISS_PAUSE_MILLIS);
            }
        }
        if (steps > 0 && LOG.isDebugEnabled()) {
            LOG.debug("H2 file housekeeping: {} compaction steps ({} lock misses), file {} MiB, {}% of it in use,"
                    + " chunks {}% live", steps, misses, store.getFileStore().size() >> 20,
                    store.getFileStore().getFillRate(), store.getFileStore().getChunksFillRate());
        }
        return steps;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The MVStore behind an H2 embedded connection, or null for another database or a remote H2. */
    static MVStore mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                && local.getDatabase().getStore() != null) {
            return local.getDatabase().getStore().getMvStore();
        }
        return null;
    }
}
