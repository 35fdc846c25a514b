package org.onex.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The feed's bulkhead (issue 18): pages beyond the slots wait their turn, and past the wait get 503. */
class FeedReadGateTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aPageBeyondTheSlotsWaitsAndPastTheWaitGets503WithRetryAfter() throws Exception {
        FeedReadGate gate = new FeedReadGate(1, Duration.ofMillis(200), registry);
        Held first = hold(gate, "first page");

        assertThatThrownBy(() -> gate.read(() -> "second page")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
            assertThat(e.getMessage()).contains("1 page(s) at once", "hub.api.feed-reads.concurrent", "waited 200 ms");
        });
        assertThat(registry.get("hub_feed_reads_refused_total").counter().count()).isEqualTo(1.0);

        assertThat(first.release()).isEqualTo("first page");
        assertThat(gate.read(() -> "third page")).isEqualTo("third page"); // the slot came back
    }

    @Test
    void aWaitingPageGetsTheSlotWhenItComesFree() throws Exception {
        FeedReadGate gate = new FeedReadGate(1, Duration.ofSeconds(30), registry);
        Held first = hold(gate, "first");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> gate.read(() -> "second"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get("hub_feed_reads_waiting").gauge().value() == 1.0);
        assertThat(second).isNotDone();

        assertThat(first.release()).isEqualTo("first");

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(registry.get("hub_feed_reads_refused_total").counter().count()).isZero();
    }

    @Test
    void theDefaultIsHalfTheCoresAndAtLeastOne() {
        int cores = Runtime.getRuntime().availableProcessors();
        int slots = new FeedReadGate(0, Duration.ofSeconds(10), registry).concurrent();

        assertThat(slots).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(Math.max(1, cores));
        assertThat(slots * 2).isBetween(cores - 1, Math.max(2, cores)); // half, rounded down, at least one
        assertThat(new FeedReadGate(3, Duration.ofSeconds(10), new SimpleMeterRegistry()).concurrent()).isEqualTo(3);
    }

    /** A page being read in the gate's only slot until {@link #release()}. */
    private record Held(CountDownLatch latch, CompletableFuture<String> page) {
        String release() throws Exception {
            latch.countDown();
            return page.get(10, TimeUnit.SECONDS);
        }
    }

    private static Held hold(FeedReadGate gate, String answer) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> page = CompletableFuture.supplyAsync(() -> gate.read(() -> {
            inside.countDown();
            await(release);
            return answer;
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return new Held(release, page);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
