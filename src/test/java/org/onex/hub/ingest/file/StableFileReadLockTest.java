package org.onex.hub.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;

/** The stable-size read lock: still across listings for stableFor, without sleeping per file. */
class StableFileReadLockTest {

    private final AtomicLong now = new AtomicLong();
    private final StableFileReadLock<Object> lock = new StableFileReadLock<>(Duration.ofSeconds(10), now::get);

    private static GenericFile<Object> file(String name, long length, long lastModified) {
        GenericFile<Object> f = new GenericFile<>();
        f.setAbsoluteFilePath("/licences/" + name);
        f.setFileLength(length);
        f.setLastModified(lastModified);
        return f;
    }

    private boolean listing(long atSeconds, GenericFile<Object> file) throws Exception {
        now.set(Duration.ofSeconds(atSeconds).toNanos());
        return lock.acquireExclusiveReadLock(null, file, null);
    }

    @Test
    void aFileIsReadAtTheFirstListingAfterItHasBeenStillForStableFor() throws Exception {
        assertThat(listing(0, file("许可导出.csv", 1_000, 1_000))).as("first seen").isFalse();
        assertThat(listing(5, file("许可导出.csv", 1_000, 1_000))).as("still for 5 s").isFalse();
        assertThat(listing(10, file("许可导出.csv", 1_000, 1_000))).as("still for 10 s").isTrue();
    }

    @Test
    void aFileCamelAbortsAfterARefusedLockIsStillWatched() throws Exception {
        GenericFile<Object> f = file("许可导出.csv", 1_000, 1_000);
        assertThat(listing(0, f)).isFalse();
        lock.releaseExclusiveReadLockOnAbort(null, f, null); // what Camel does with every refused file
        assertThat(listing(10, f)).isTrue();
    }

    @Test
    void aFileStillGrowingStartsItsWaitAgain() throws Exception {
        assertThat(listing(0, file("a.csv", 1_000, 1_000))).isFalse();
        assertThat(listing(8, file("a.csv", 64_000, 1_000))).as("grew").isFalse();
        assertThat(listing(12, file("a.csv", 64_000, 1_000))).as("only 4 s still").isFalse();
        assertThat(listing(15, file("a.csv", 64_000, 9_000))).as("touched").isFalse();
        assertThat(listing(25, file("a.csv", 64_000, 9_000))).isTrue();
    }

    @Test
    void aBacklogIsReadInOneListingNotOneFileAtATime() throws Exception {
        for (int i = 0; i < 260; i++) {
            assertThat(listing(0, file("licences-" + i + ".csv", 2_000, 1_000))).isFalse();
        }
        int read = 0;
        for (int i = 0; i < 260; i++) {
            read += listing(10, file("licences-" + i + ".csv", 2_000, 1_000)) ? 1 : 0;
        }
        assertThat(read).isEqualTo(260);
    }

    @Test
    void aFileReadOrLeftInPlaceIsForgottenAndOneGoneFromTheServerIsForgottenLater() throws Exception {
        GenericFile<Object> done = file("done.csv", 10, 10);
        listing(0, done);
        assertThat(listing(10, done)).isTrue();
        lock.releaseExclusiveReadLockOnCommit(null, done, null);
        assertThat(listing(11, done)).as("the same name uploaded again waits again").isFalse();
        lock.releaseExclusiveReadLockOnRollback(null, done, null);

        listing(20, file("moved-away.csv", 10, 10));
        assertThat(lock.watching()).isEqualTo(1);
        listing(20 + 10 * StableFileReadLock.FORGET_AFTER_POLLS + 1, file("new.csv", 10, 10));
        assertThat(lock.watching()).as("only new.csv").isEqualTo(1);
    }
}
