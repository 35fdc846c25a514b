package org.onex.hub.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * transaction). A small pool shared by every source, with no queue: when both threads are busy, a source does not
 * read ahead (it reads its next page itself, as before) rather than wait behind another department's slow or
 * unreachable database.
 */
@Component
public class ReadAhead implements DisposableBean {

    /** Threads shared by all sources; two keep both cores of the reference machine busy. */
    static final int THREADS = 2;

    private final IngestService ingest;
    private final ThreadPoolExecutor pool;

    public ReadAhead(IngestService ingest) {
        this.ingest = ingest;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "ingest-read-ahead-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code read} (a source's next page) on a read-ahead thread at once, or returns null when every thread
     * is busy: the caller then reads the page itself when it needs it.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read, pool);
        } catch (RejectedExecutionException e) {
            return null;
        }
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
