package org.onex.hub.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A department's steady load on the hub, produced by a thread of this JVM whatever state the hub is in (killed,
 * restarting, cut off): pushes, rows committed to a source table, files uploaded, decisions made. Keeps what
 * the department counts as acknowledged: a push answered 200, a committed row, a file renamed into the drop
 * folder, a committed decision — source key to the record id the hub named (0 where it names none).
 */
abstract class Load {

    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastFailure;
    private Thread thread;

    /** push, jdbc, sftp or delivery. */
    abstract String scenario();

    /** The department and feed whose records the load makes. */
    abstract String department();

    abstract String feed();

    /** One step: produce a little (a request, a batch of rows, a file); called again and again while running. */
    abstract void step() throws Exception;

    /** Pause between steps, in ms. */
    abstract long periodMillis();

    final void acknowledge(String sourceKey, long recordId) {
        acknowledged.put(sourceKey, recordId);
    }

    final Map<String, Long> acknowledged() {
        return acknowledged;
    }

    /** Steps that failed (the hub down, restarting or cut off) and the last failure, for the report. */
    final String failures() {
        return failures.get() + " steps failed" + (lastFailure == null ? "" : ", the last with " + lastFailure);
    }

    final void start() {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the hub or a relay is down: the next step tries again; nothing was acknowledged
                    failures.incrementAndGet();
                    lastFailure = e.toString();
                }
                try {
                    Thread.sleep(periodMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "faults-" + scenario());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops producing and waits for the step under way. */
    final void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(60_000);
        }
    }
}
