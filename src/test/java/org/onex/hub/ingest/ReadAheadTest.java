package org.onex.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The read-ahead pool never queues (issue 18): a department whose database hangs can hold its threads, and then
 * other sources read their next page themselves instead of waiting behind it.
 */
class ReadAheadTest {

    @Test
    void whenEveryThreadIsBusyASourceReadsItselfInsteadOfWaitingInAQueue() throws Exception {
        ReadAhead readAhead = new ReadAhead(null);
        CountDownLatch hung = new CountDownLatch(1);
        try {
            CompletableFuture<String> slowA = readAhead.submit(() -> await(hung, "a"));
            CompletableFuture<String> slowB = readAhead.submit(() -> await(hung, "b"));
            assertThat(slowA).isNotNull();
            assertThat(slowB).isNotNull();
            assertThat(readAhead.submit(() -> "c")).as("no free thread: no read-ahead, not a queued one").isNull();

            hung.countDown();
            assertThat(slowA.get(5, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(slowB.get(5, TimeUnit.SECONDS)).isEqualTo("b");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> readAhead.submit(() -> "d") != null);
        } finally {
            hung.countDown();
            readAhead.destroy();
        }
    }

    private static String await(CountDownLatch latch, String value) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }
}
