package org.onex.hub.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap while a load runs: every {@code period} a full collection ({@code System.gc()}), then the heap
 * in use, which is then only what is still reachable. {@link HeapPeak} cannot tell this: its pools peak with
 * garbage not yet collected, at about -Xmx once the heap is bounded. The largest sample shows whether a
 * load needs memory in proportion to its size. The collections pause the hub; their total time is reported
 * with the figure so that it can be weighed against the load's duration.
 */
final class LiveHeap implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-live-heap");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong pauseNanos = new AtomicLong();

    private LiveHeap() {
    }

    /** Starts sampling: the first sample one period from now. */
    static LiveHeap sample(Duration period) {
        LiveHeap live = new LiveHeap();
        live.timer.scheduleWithFixedDelay(live::sampleNow, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return live;
    }

    private void sampleNow() {
        long begin = System.nanoTime();
        System.gc();
        pauseNanos.addAndGet(System.nanoTime() - begin);
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
        samples.incrementAndGet();
    }

    /** The largest live heap sampled so far, in MiB. */
    long peakMib() {
        return peak.get() / MIB;
    }

    long samples() {
        return samples.get();
    }

    /** Total time spent in the sampling collections, in seconds. */
    double pauseSeconds() {
        return pauseNanos.get() / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
