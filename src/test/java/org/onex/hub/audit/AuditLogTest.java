package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.audit.AuditVerification.Problem;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 6 item 4: the audit chain is appended gap-free, verifies, and names the entry that was tampered with. */
class AuditLogTest {

    private final Client bureau = new Client("demo-bureau", Role.BUREAU, "zhzf");
    private final Client operator = new Client("op-li", Role.OPERATOR, null);
    private AuditStores store;

    @BeforeEach
    void open() {
        store = AuditStores.h2();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void entriesChainToTheirPredecessorAndVerify() {
        AuditEntry first = store.audit.record(bureau, AuditAction.FEED_READ, "/api/v1/feed", Map.of("after", 0));
        AuditEntry second = store.audit.record("unknown-key", null, AuditAction.LOGIN_FAILED, null, null);
        store.clock.advance(Duration.ofSeconds(1));
        AuditEntry third = store.audit.record(operator, AuditAction.DELIVERY_REPLAY, "delivery/42",
                Map.of("reason", "inbox back up"));

        assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 2L, 3L);
        assertThat(first.prevHash()).isEqualTo(AuditEntry.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(store.audit.page(0, 10)).containsExactly(first, second, third);
        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.checked()).isEqualTo(3);
        assertThat(v.headHash()).isEqualTo(third.hash());
        assertThat(v.message()).isEqualTo("audit chain valid: 3 entries from 1 to 3, head hash " + third.hash());
    }

    @Test
    void anEmptyLogIsValid() {
        assertThat(store.verifier.verify()).extracting(AuditVerification::valid, AuditVerification::checked)
                .containsExactly(true, 0L);
    }

    @Test
    void aReadStoresTheCountAndADigestOfTheIdsNotTheIds() throws Exception {
        AuditEntry e = store.audit.recordRead(bureau, "/api/v1/feed?category=C2&after=100", List.of(105L, 107L, 1009L));

        JsonNode detail = new ObjectMapper().readTree(e.detail());
        assertThat(detail.get("count").asInt()).isEqualTo(3);
        assertThat(detail.get("idsSha256").asText()).isEqualTo(AuditEntry.sha256("105,107,1009"))
                .isEqualTo(AuditLog.idsDigest(List.of(105L, 107L, 1009L)));
        assertThat(e.detail()).doesNotContain("1009");
        assertThat(e.target()).isEqualTo("/api/v1/feed?category=C2&after=100");
        assertThat(e.action()).isEqualTo(AuditAction.FEED_READ);
        assertThat(e.role()).isEqualTo("BUREAU");
        assertThat(AuditLog.idsDigest(List.of())).isEqualTo(AuditEntry.sha256(""));
    }

    @Test
    void anActionIsUpperCaseWords() {
        assertThatThrownBy(() -> store.audit.record(bureau, "feed read", null, Map.of()))
                .hasMessageContaining("'feed read' is not A_NAME_LIKE_THIS");
        assertThat(store.count("SELECT COUNT(*) FROM hub_audit")).isZero();
    }

    /** Any column changed by hand makes that entry's hash disagree with its content. */
    @ParameterizedTest
    @MethodSource("alterations")
    void anAlteredColumnNamesItsEntry(String column, String value) {
        append(10);
        store.jdbc.update("UPDATE hub_audit SET " + column + " = " + value + " WHERE seq = 6");

        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).isEqualTo(Problem.ALTERED);
        assertThat(v.badSeq()).isEqualTo(6);
        assertThat(v.message()).isEqualTo("entry 6 was altered (hash does not match its content)");
        assertThat(v.checked()).isEqualTo(5);
    }

    static Stream<Arguments> alterations() {
        return Stream.of(
                Arguments.of("detail", "'{\"count\":0}'"),
                Arguments.of("client_id", "'someone-else'"),
                Arguments.of("client_role", "'ADMIN'"),
                Arguments.of("action", "'LOGIN'"),
                Arguments.of("target", "'/api/v1/other'"),
                Arguments.of("recorded_at", "TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"),
                Arguments.of("prev_hash", "'" + "1".repeat(64) + "'"),
                Arguments.of("entry_hash", "'" + "2".repeat(64) + "'"));
    }

    @Test
    void aDeletedMiddleEntryIsNamedAsTheGap() {
        append(10);
        store.jdbc.update("DELETE FROM hub_audit WHERE seq = 5");

        AuditVerification v = store.verifier.verify();
        assertThat(v.problem()).isEqualTo(Problem.MISSING);
        assertThat(v.badSeq()).isEqualTo(5);
        assertThat(v.message()).isEqualTo("entry 5 is missing (seq jumps from 4 to 6)");
    }

    @Test
    void deletedRangesAtTheStartAndTheEndAreNamed() {
        append(10);
        store.jdbc.update("DELETE FROM hub_audit WHERE seq BETWEEN 4 AND 6");
        assertThat(store.verifier.verify().message()).isEqualTo("entries 4 to 6 are missing (seq jumps from 3 to 7)");

        store.jdbc.update("DELETE FROM hub_audit WHERE seq <= 6");
        assertThat(store.verifier.verify().message()).isEqualTo("entries 1 to 6 are missing (the log starts at entry 7)");

        AuditStores fresh = AuditStores.h2();
        try {
            for (int i = 0; i < 10; i++) {
                fresh.audit.record(bureau, AuditAction.PUSH, "push/" + i, Map.of());
            }
            fresh.jdbc.update("DELETE FROM hub_audit WHERE seq >= 9");
            AuditVerification v = fresh.verifier.verify();
            assertThat(v.problem()).isEqualTo(Problem.MISSING);
            assertThat(v.badSeq()).isEqualTo(9);
            assertThat(v.message()).isEqualTo("entries 9 to 10 are missing (the chain head is at 10 but the log ends at 8)");
        } finally {
            fresh.close();
        }
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkOfTheNext() {
        append(10);
        rewrite(6, "{\"forged\":true}");

        AuditVerification v = store.verifier.verify();
        assertThat(v.problem()).isEqualTo(Problem.UNCHAINED);
        assertThat(v.badSeq()).isEqualTo(7);
        assertThat(v.message()).isEqualTo("entry 7 does not chain to entry 6 (its previous hash is not that entry's hash)");
    }

    @Test
    void theLastEntryRewrittenWithAFreshHashDisagreesWithTheHead() {
        append(10);
        rewrite(10, "{\"forged\":true}");

        AuditVerification v = store.verifier.verify();
        assertThat(v.problem()).isEqualTo(Problem.HEAD_MISMATCH);
        assertThat(v.badSeq()).isEqualTo(10);
        assertThat(v.message()).startsWith("entry 10 was altered or replaced");
    }

    @Test
    void anEntryJoinsTheCallersTransactionAndRollsBackWithIt() {
        append(2);
        store.tx.executeWithoutResult(status -> {
            store.audit.record(operator, AuditAction.ALERT_ACK, "alert/7", Map.of());
            status.setRollbackOnly();
        });
        AuditEntry next = store.audit.record(operator, AuditAction.ALERT_ACK, "alert/8", Map.of());

        assertThat(next.seq()).isEqualTo(3);
        assertThat(store.count("SELECT COUNT(*) FROM hub_audit")).isEqualTo(3);
        assertThat(store.verifier.verify().valid()).isTrue();
    }

    /** Eight threads appending at once form one gap-free chain, verified across several pages. */
    @Test
    void concurrentAppendsFormOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Client c = new Client("client-" + t, Role.DEPARTMENT, "scjgj");
                writers.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        store.audit.recordRead(c, "/api/v1/feed?after=" + i, List.of((long) i));
                    }
                    return 200;
                });
            }
            for (Future<Integer> f : pool.invokeAll(writers)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.count("SELECT COUNT(*) FROM hub_audit")).isEqualTo(1600);
        assertThat(store.count("SELECT MAX(seq) FROM hub_audit")).isEqualTo(1600);
        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.checked()).isEqualTo(1600);

        store.jdbc.update("UPDATE hub_audit SET target = '/api/v1/feed' WHERE seq = 1500");
        assertThat(store.verifier.verify().badSeq()).isEqualTo(1500);
    }

    private void append(int n) {
        for (int i = 1; i <= n; i++) {
            store.clock.advance(Duration.ofMillis(1500));
            store.audit.record(i % 2 == 0 ? bureau : operator, AuditAction.RECORD_READ, "record/" + i,
                    Map.of("i", i));
        }
    }

    /** What a forger with write access would do: change an entry and give it a hash that matches. */
    private void rewrite(long seq, String detail) {
        AuditEntry e = store.jdbc.queryForObject("SELECT * FROM hub_audit WHERE seq = ?", AuditLog::entry, seq);
        String hash = AuditEntry.hashOf(e.seq(), e.recordedAt(), e.clientId(), e.role(), e.action(), e.target(), detail,
                e.prevHash());
        store.jdbc.update("UPDATE hub_audit SET detail = ?, entry_hash = ? WHERE seq = ?", detail, hash, seq);
    }
}
