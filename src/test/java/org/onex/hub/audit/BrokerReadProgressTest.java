package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 7: the progress rows of broker consumers ({@link BrokerReadProgress}). An entry written at close
 * (or once a read-audit period) drops the consumer's row with it; a row left by a hub that stopped without closing
 * its consumer becomes one FEED_READ entry marked interrupted, once, and only when it is three periods old.
 */
class BrokerReadProgressTest {

    private final AuditStores store = AuditStores.h2();
    private final BrokerReadProgress progress = new BrokerReadProgress(store.jdbc, store.tx, store.audit,
            new AuditProperties(Duration.ofDays(184), Duration.ofDays(1), Duration.ofMinutes(5), Duration.ofSeconds(10)),
            store.clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aConsumerThatClosesLeavesOneEntryAndNoRow() {
        progress.save(reads("s1:1", 40, 101L, 140L));
        progress.save(reads("s1:1", 70, 101L, 170L)); // rewritten, not added
        assertThat(progress.pending()).extracting(BrokerReadProgress.Reads::count).containsExactly(70L);

        AuditEntry entry = progress.audit(reads("s1:1", 75, 101L, 175L), "closed");
        assertThat(progress.pending()).isEmpty();
        JsonNode detail = detail(entry);
        assertThat(detail.get("count").asLong()).isEqualTo(75);
        assertThat(detail.get("consumer").asText()).isEqualTo("closed");
        assertThat(detail.get("lastFeedSeq").asLong()).isEqualTo(175);
        store.clock.advance(Duration.ofMinutes(5));
        assertThat(progress.recoverInterrupted()).as("nothing left to recover").isZero();
    }

    @Test
    void progressLeftByAStoppedHubBecomesOneInterruptedEntryAfterThreePeriods() {
        progress.save(reads("dead:1", 500, 1L, 500L));
        store.clock.advance(Duration.ofSeconds(29));
        progress.save(reads("alive:1", 20, 7L, 26L)); // a live consumer's row, written every period
        assertThat(progress.recoverInterrupted()).as("not yet three periods old").isZero();

        store.clock.advance(Duration.ofSeconds(2));
        assertThat(progress.recoverInterrupted()).isEqualTo(1);
        assertThat(progress.recoverInterrupted()).as("recovered once").isZero();
        assertThat(progress.pending()).extracting(BrokerReadProgress.Reads::consumerKey).containsExactly("alive:1");

        List<AuditEntry> entries = store.audit.page(0, 10);
        assertThat(entries).hasSize(1);
        AuditEntry e = entries.get(0);
        assertThat(e).extracting(AuditEntry::clientId, AuditEntry::role, AuditEntry::action, AuditEntry::target)
                .containsExactly("bureau-app", "BUREAU", AuditAction.FEED_READ, "artemis:hub.feed.bureau.C2");
        JsonNode detail = detail(e);
        assertThat(detail.get("consumer").asText()).isEqualTo(BrokerReadProgress.INTERRUPTED);
        assertThat(detail.get("count").asLong()).isEqualTo(500);
        assertThat(detail.get("idsSha256").asText()).isEqualTo(AuditLog.idsDigest(List.of(1L, 2L)));
        assertThat(detail.get("firstFeedSeq").asLong()).isEqualTo(1);
        assertThat(store.verifier.verify().valid()).isTrue();
    }

    private BrokerReadProgress.Reads reads(String key, long count, Long first, Long last) {
        Instant now = store.clock.instant();
        return new BrokerReadProgress.Reads(key, "bureau-app", Role.BUREAU, "hub.feed.bureau.C2", count,
                AuditLog.idsDigest(List.of(1L, 2L)), first, last, now.minusSeconds(60), now);
    }

    private static JsonNode detail(AuditEntry e) {
        try {
            return HubJson.mapper().readTree(e.detail());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
