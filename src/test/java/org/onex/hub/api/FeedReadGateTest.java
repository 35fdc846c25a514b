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
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.read(() -> {
            inside.countDown();
            await(release);
            return "first page";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.read(() -> "second page")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
            assertThat(e.getMessage()).contains("1 page(s) at once", "hub.api.feed-reads.concurrent", "waited 200 ms");
        });
        assertThat(registry.get("hub_feed_reads_refused_total").counter().count()).isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first page");
        assertThat(gate.read(() -> "third page")).isEqualTo("third page"); // the slot came back
    }

    @Test
    void aWaitingPageGetsTheSlotWhenItComesFree() throws Exception {
        FeedReadGate gate = new FeedReadGate(1, Duration.ofSeconds(30), registry);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.read(() -> {
            inside.countDown();
            await(release);
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> gate.read(() -> "second"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get("hub_feed_reads_waiting").gauge().value() == 1.0);
        assertThat(second).isNotDone();

        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(registry.get("hub_feed_reads_refused_total").counter().count()).isZero();
    }

    @Test
    void theDefaultIsHalfTheCoresAndAtLeastOne() {
        assertThat(new FeedReadGate(0, Duration.ofSeconds(10), registry).concurrent())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(new FeedReadGate(3, Duration.ofSeconds(10), new SimpleMeterRegistry()).concurrent()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
