package org.onex.hub.ingest.file;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * The {@code stable-size} read lock: a file is read once its size and modification time, as the directory listing
 * gives them, have not changed across polls at least {@code stableFor} apart. A file seen for the first time, or
 * changed since the last listing, is left for a later poll; nothing waits.
 *
 * <p>Camel's {@code readLock=changed} checks one file at a time and sleeps its check interval for each, so a
 * backlog of N files takes at least N check intervals: after an SFTP outage in the fault suite, 260 files of three
 * seconds' export each needed over eight minutes at one-second intervals while new ones kept coming. Here a backlog
 * is read in the first poll after it has been still for {@code stableFor}. The stability is timed on the hub's own
 * clock and compares only the server's values with themselves, so a server clock that is off changes nothing
 * (Camel's {@code readLockMinAge} compares the server's modification time, in whole seconds, with the hub's clock).
 *
 * <p>One instance per route: it remembers what the last listings showed, in memory. After a restart every file
 * waits {@code stableFor} once more; a file that disappears is forgotten after {@link #FORGET_AFTER_POLLS} times
 * {@code stableFor} without being seen.
 */
final class StableFileReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {

    static final int FORGET_AFTER_POLLS = 100;

    private record Seen(long length, long lastModified, long stableSince, long lastSeen) {
    }

    private final long stableNanos;
    private final LongSupplier clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    StableFileReadLock(Duration stableFor) {
        this(stableFor, System::nanoTime);
    }

    StableFileReadLock(Duration stableFor, LongSupplier nanoClock) {
        this.stableNanos = stableFor.toNanos();
        this.clock = nanoClock;
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) {
        long now = clock.getAsLong();
        String key = file.getAbsoluteFilePath();
        Seen before = seen.get(key);
        if (before == null || before.length() != file.getFileLength()
                || before.lastModified() != file.getLastModified()) {
            seen.put(key, new Seen(file.getFileLength(), file.getLastModified(), now, now));
            forgetGone(now);
            return false;
        }
        seen.put(key, new Seen(before.length(), before.lastModified(), before.stableSince(), now));
        return now - before.stableSince() >= stableNanos;
    }

    /** Files no listing has shown for a long time (moved away by hand, or read by another node). */
    private void forgetGone(long now) {
        long forgetAfter = Math.max(stableNanos, Duration.ofSeconds(1).toNanos()) * FORGET_AFTER_POLLS;
        seen.values().removeIf(s -> now - s.lastSeen() > forgetAfter);
    }

    /** How many files it is watching (for tests). */
    int watching() {
        return seen.size();
    }

    /**
     * Camel aborts every file whose lock was refused (and any it had not begun when the route stops): the file
     * stays on the server and what it looked like is kept, or it could never become stable.
     */
    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) {
        // keep watching it
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) {
        seen.remove(file.getAbsoluteFilePath());
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) {
        seen.remove(file.getAbsoluteFilePath());
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint) {
        // nothing on the server to clean up: this lock writes no marker files
    }

    @Override
    public void setTimeout(long timeout) {
        // never waits
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        // the poll interval is the check interval
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        // nothing to log: a file not yet stable is simply left for the next poll
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        // writes no marker files
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // writes no marker files
    }
}
