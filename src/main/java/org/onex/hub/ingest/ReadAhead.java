package org.onex.hub.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads and maps a pulled source's next batch while its previous batch is being written (issue 18, pipelining):
 * the ingest thread waits for PostgreSQL (statements, the commit's WAL flush) much of each batch, and the read of
 * the department database and the mapping can use that time on the other core. The batch read ahead is only a
 * proposal: the poller uses it only if the cursor stored by the committed transaction is the one it was read
 * from, else it is dropped and the batch read again (DESIGN.md: the cursor moves with the data, in one
 * transaction). A small pool shared by every source: read-ahead is an optimisation, so a busy pool makes a
 * source wait for its own read, never lose it.
 */
@Component
public class ReadAhead implements DisposableBean {

    /** Threads shared by all sources; two keep both cores of the reference machine busy. */
    static final int THREADS = 2;

    private final IngestService ingest;
    private final ExecutorService pool;

    public ReadAhead(IngestService ingest) {
        this.ingest = ingest;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "ingest-read-ahead-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code read} (a source's next page) on a read-ahead thread. */
    public <T> CompletableFuture<T> submit(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }

    /** Maps a batch ahead ({@link IngestService#prepare}); call it from the task given to {@link #submit}. */
    public IngestBatch prepare(IngestBatch batch) {
        return ingest.prepare(batch);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
