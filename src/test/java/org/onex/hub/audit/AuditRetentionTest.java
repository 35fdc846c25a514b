package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.audit.AuditVerification.Problem;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 6 item 4: old entries are purged behind an anchor, and the chain still verifies and detects tampering. */
class AuditRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(184);
    private final Client office = new Client("office", Role.OFFICE, null);
    private AuditStores store;
    private AuditRetention retention;

    @BeforeEach
    void open() {
        store = AuditStores.h2();
        retention = store.retention(RETENTION);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Entries 1-5 on day 0, 6-10 on day 100; the purge runs on day 200 and removes 1-5. */
    private AuditRetention.Result purgeOnDay200() {
        append(5);
        store.clock.advance(Duration.ofDays(100));
        append(5);
        store.clock.advance(Duration.ofDays(100));
        return retention.purge();
    }

    @Test
    void purgingKeepsTheChainVerifiable() throws Exception {
        AuditRetention.Result result = purgeOnDay200();
        String hash5 = hashOfDeleted(5);

        assertThat(result.purged()).isEqualTo(5);
        assertThat(result.anchorSeq()).isEqualTo(5);
        assertThat(result.message()).contains("removed 5 entries older than 2026-03-18T02:10:00Z");
        assertThat(store.jdbc.queryForList("SELECT seq FROM hub_audit ORDER BY seq", Long.class))
                .containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
        AuditEntry purge = store.audit.page(10, 1).get(0);
        assertThat(purge.action()).isEqualTo(AuditAction.AUDIT_PURGED);
        JsonNode detail = new ObjectMapper().readTree(purge.detail());
        assertThat(detail.get("anchorSeq").asLong()).isEqualTo(5);
        assertThat(detail.get("anchorHash").asText()).isEqualTo(hash5);
        assertThat(detail.get("purged").asInt()).isEqualTo(5);

        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.fromSeq()).isEqualTo(6);
        assertThat(v.checked()).isEqualTo(6);

        assertThat(retention.purge().purged()).as("nothing more is old enough").isZero();
    }

    @Test
    void tamperingAfterAPurgeIsStillDetected() {
        purgeOnDay200();
        store.jdbc.update("UPDATE hub_audit SET detail = '{}' WHERE seq = 8");
        assertThat(store.verifier.verify()).extracting(AuditVerification::problem, AuditVerification::badSeq)
                .containsExactly(Problem.ALTERED, 8L);

        store.jdbc.update("DELETE FROM hub_audit WHERE seq = 6");
        assertThat(store.verifier.verify().message()).isEqualTo("entry 6 is missing (seq jumps from 5 to 7)");
    }

    @Test
    void anEntryThatDoesNotChainToTheAnchorIsNamed() {
        purgeOnDay200();
        AuditEntry e = store.audit.page(5, 1).get(0);
        String forgedPrev = "3".repeat(64);
        store.jdbc.update("UPDATE hub_audit SET prev_hash = ?, entry_hash = ? WHERE seq = 6", forgedPrev,
                AuditEntry.hashOf(6, e.recordedAt(), e.clientId(), e.role(), e.action(), e.target(), e.detail(),
                        forgedPrev));

        assertThat(store.verifier.verify().message()).isEqualTo("entry 6 does not chain to the purge anchor (entry 5)");
    }

    @Test
    void anAnchorMovedByHandIsDetected() {
        append(6);
        store.jdbc.update("DELETE FROM hub_audit WHERE seq <= 3");
        store.jdbc.update("UPDATE hub_audit_head SET anchor_seq = 3, anchor_hash = ? WHERE id = 1", hashOfDeleted(3));

        AuditVerification v = store.verifier.verify();
        assertThat(v.problem()).isEqualTo(Problem.ANCHOR_UNCONFIRMED);
        assertThat(v.badSeq()).isEqualTo(3);
        assertThat(v.message()).isEqualTo("entries up to 3 were removed outside the retention purge (the purge anchor"
                + " is not confirmed by an AUDIT_PURGED entry)");
    }

    @Test
    void anAnchorMovedFurtherAfterARealPurgeIsDetected() {
        purgeOnDay200();
        String hash7 = hash(7);
        store.jdbc.update("DELETE FROM hub_audit WHERE seq <= 7");
        store.jdbc.update("UPDATE hub_audit_head SET anchor_seq = 7, anchor_hash = ? WHERE id = 1", hash7);

        assertThat(store.verifier.verify().message()).isEqualTo("entries up to 7 were removed outside the retention"
                + " purge (the purge anchor is not confirmed by its AUDIT_PURGED entry 11)");
    }

    @Test
    void aBrokenStretchIsKeptNotPurged() {
        append(5);
        store.jdbc.update("UPDATE hub_audit SET target = 'elsewhere' WHERE seq = 2");
        store.clock.advance(Duration.ofDays(200));

        AuditRetention.Result result = retention.purge();
        assertThat(result.purged()).isZero();
        assertThat(result.refusedBecause().badSeq()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("refused, the entries to purge do not verify: entry 2 was altered (hash"
                + " does not match its content)");
        assertThat(store.count("SELECT COUNT(*) FROM hub_audit")).isEqualTo(5);
        assertThat(store.verifier.head().anchorSeq()).isZero();
    }

    @Test
    void laterPurgesMoveTheAnchorAndPurgeEarlierPurgeEntries() {
        purgeOnDay200();
        store.clock.advance(Duration.ofDays(150)); // day 350: day 100's entries go, day 200's purge entry stays
        assertThat(retention.purge()).extracting(AuditRetention.Result::purged, AuditRetention.Result::anchorSeq)
                .containsExactly(5L, 10L);
        store.clock.advance(Duration.ofDays(50)); // day 400: the first purge entry (11) goes
        assertThat(retention.purge()).extracting(AuditRetention.Result::purged, AuditRetention.Result::anchorSeq)
                .containsExactly(1L, 11L);

        assertThat(store.jdbc.queryForList("SELECT seq FROM hub_audit ORDER BY seq", Long.class))
                .containsExactly(12L, 13L);
        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    void aYoungerEntryAmongOldOnesStopsThePurgeBeforeIt() {
        append(2);
        store.clock.advance(Duration.ofDays(100));
        append(1); // entry 3, day 100
        store.clock.advance(Duration.ofDays(-99)); // a node whose clock is behind
        append(2); // entries 4 and 5, day 1
        store.clock.advance(Duration.ofDays(199)); // day 200: cut-off day 16

        assertThat(retention.purge().anchorSeq()).isEqualTo(2);
        assertThat(store.verifier.verify().valid()).isTrue();
    }

    @Test
    void whenEverythingIsOldThePurgeEntryChainsToTheAnchor() {
        append(4);
        store.clock.advance(Duration.ofDays(365));
        retention.purge();

        assertThat(store.jdbc.queryForList("SELECT seq FROM hub_audit", Long.class)).containsExactly(5L);
        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.message()).startsWith("audit chain valid: 1 entry from 5 to 5");
    }

    @Test
    void aRetentionUnderSixMonthsStopsTheStart() {
        Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of()));
        assertThat(defaults.bindOrCreate("hub.audit", AuditProperties.class).retention()).isEqualTo(RETENTION);

        Binder tooShort = new Binder(new MapConfigurationPropertySource(Map.of("hub.audit.retention", "180d")));
        assertThatThrownBy(() -> tooShort.bindOrCreate("hub.audit", AuditProperties.class))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("hub.audit.retention is 180d, but the Cybersecurity Law (art. 21) requires network logs to"
                        + " be kept at least six months: set it to 184d or more (six calendar months are up to 184"
                        + " days)");

        Binder longer = new Binder(new MapConfigurationPropertySource(Map.of("hub.audit.retention", "365d")));
        assertThat(longer.bindOrCreate("hub.audit", AuditProperties.class).retention()).hasDays(365);
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            store.clock.advance(Duration.ofMinutes(1));
            store.audit.record(office, AuditAction.RECORD_READ, "scorecard", Map.of("i", i));
        }
    }

    private String hash(long seq) {
        return store.jdbc.queryForObject("SELECT entry_hash FROM hub_audit WHERE seq = ?", String.class, seq);
    }

    /** The hash entry {@code seq} had, from the next entry's link (the entry itself is gone). */
    private String hashOfDeleted(long seq) {
        List<String> prev = store.jdbc.queryForList("SELECT prev_hash FROM hub_audit WHERE seq = ?", String.class,
                seq + 1);
        return prev.get(0);
    }
}
