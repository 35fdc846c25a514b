package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onex.hub.audit.AuditVerification.Problem;
import org.onex.hub.auth.ApiClientSecret;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/**
 * Issue 6 items 3-4 on the production store, PostgreSQL (127.0.0.1:5432, README "Tests"): the V5 migration,
 * concurrent appends forming one chain, tamper detection, the retention purge and the key store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPostgresIT {

    private AuditStores store;

    @BeforeAll
    void open() {
        store = AuditStores.postgres("hub_audit_it");
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    @Order(1)
    void concurrentAppendsFromEightThreadsFormOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Client c = new Client("client-" + t, Role.DEPARTMENT, "scjgj");
                writers.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        store.audit.recordRead(c, "/api/v1/feed?after=" + i, List.of((long) i, i + 1L));
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
        assertThat(store.count("SELECT COUNT(DISTINCT seq) FROM hub_audit")).isEqualTo(1600);
        AuditVerification v = store.verifier.verify();
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.checked()).isEqualTo(1600);
        assertThat(v.headHash()).isEqualTo(store.verifier.head().lastHash());
    }

    @Test
    @Order(2)
    void anAlteredAndADeletedEntryAreNamed() {
        String detail = store.jdbc.queryForObject("SELECT detail FROM hub_audit WHERE seq = 777", String.class);
        store.jdbc.update("UPDATE hub_audit SET detail = '{\"count\":0}' WHERE seq = 777");
        assertThat(store.verifier.verify()).extracting(AuditVerification::problem, AuditVerification::badSeq,
                AuditVerification::message).containsExactly(Problem.ALTERED, 777L,
                        "entry 777 was altered (hash does not match its content)");
        store.jdbc.update("UPDATE hub_audit SET detail = ? WHERE seq = 777", detail);
        assertThat(store.verifier.verify().valid()).as("restored byte for byte").isTrue();

        store.jdbc.update("DELETE FROM hub_audit WHERE seq = 1200");
        assertThat(store.verifier.verify().message()).isEqualTo("entry 1200 is missing (seq jumps from 1199 to 1201)");
    }

    @Test
    @Order(3)
    void aPurgeRefusesTheBrokenStretchThenKeepsTheChainVerifiable() {
        store.clock.advance(Duration.ofDays(200));
        AuditRetention retention = store.retention(Duration.ofDays(184));
        assertThat(retention.purge().refusedBecause().badSeq()).isEqualTo(1200);

        // a fresh database for the rest: the broken one is evidence and stays as it is
        AuditStores clean = AuditStores.postgres("hub_audit_it2");
        try {
            for (int i = 0; i < 30; i++) {
                clean.audit.record(AuditLog.HUB, AuditAction.LOGIN, "console", Map.of("i", i));
                clean.clock.advance(Duration.ofDays(10));
            }
            AuditRetention.Result result = clean.retention(Duration.ofDays(184)).purge();
            assertThat(result.purged()).isEqualTo(12); // on day 300, days 0-110 are more than 184 days old
            AuditVerification v = clean.verifier.verify();
            assertThat(v.valid()).as(v.message()).isTrue();
            assertThat(v.fromSeq()).isEqualTo(13);

            clean.jdbc.update("UPDATE hub_audit SET client_role = 'OPERATOR' WHERE seq = 20");
            assertThat(clean.verifier.verify().badSeq()).isEqualTo(20);
        } finally {
            clean.close();
        }
    }

    /** Issue 13 item 7: truncation and rewrites up to the newest anchor outside the store are named. */
    @Test
    @Order(5)
    void truncationsAndRewritesUpToTheNewestAnchorAreNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (AuditStores anchored = AuditStores.postgres("hub_audit_anchor_it")) {
            new AuditAnchorScenarios(anchored, dir).run();
        }
    }

    @Test
    @Order(4)
    void keysRotateAndRevokeOnPostgres() {
        Client admin = new Client("admin", Role.ADMIN, null);
        store.clients.add("bureau-app", Role.BUREAU, "zhzf", "综合行政执法局", admin);
        ApiClientSecret old = store.clients.issue("bureau-app", admin);
        ApiClientSecret fresh = store.clients.rotate("bureau-app", Duration.ofHours(2), admin);

        assertThat(store.clients.authenticate(old.key())).contains(new Client("bureau-app", Role.BUREAU, "zhzf"));
        store.clock.advance(Duration.ofHours(2));
        assertThat(store.clients.authenticate(old.key())).isEmpty();
        assertThat(store.clients.authenticate(fresh.key())).isPresent();
        store.clients.revoke("bureau-app", admin);
        assertThat(store.clients.authenticate(fresh.key())).isEmpty();
        assertThat(store.count("SELECT COUNT(*) FROM hub_client_key WHERE key_hash = ?",
                AuditEntry.sha256(fresh.key()))).isEqualTo(1);
    }
}
