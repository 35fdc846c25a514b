package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.it.TestDatabases;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.HubRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12 item 4 at the store, on a real PostgreSQL hub store: two routes (or two nodes) writing one record
 * at the same moment end on the row with the newer source time, whichever commits first, and neither fails.
 * The second writer waits on the record's row lock and then decides against what the first committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordStoreNewestWinsIT {

    private static final Instant T1 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-22T02:00:00Z");

    private JdbcTemplate jdbc;
    private RecordStore store;
    private TransactionTemplate tx;

    @BeforeAll
    void migrate() {
        String url = TestDatabases.freshPostgres("hub_store_newest");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new RecordStore(jdbc);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @Test
    void olderRowWaitingOnTheLockOfANewerOneIsSupersededNotAFailure() throws Exception {
        long id = stored("K-LOCK-1", "VALID", "首次许可", T1);

        // the database route writes the revocation (T2) and has not committed yet ...
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<List<StoreOutcome>> newer = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<StoreOutcome> out = store.upsert("scjgj", "licences", List.of(candidate("K-LOCK-1", "REVOKED",
                    "首次许可", T2)), Instant.now());
            written.countDown();
            awaitLatch(commit);
            return out;
        }));
        assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
        // ... when the file route brings the same licence as VALID at T1.5, read before the revocation committed
        CompletableFuture<List<StoreOutcome>> older = CompletableFuture.supplyAsync(() -> tx.execute(s -> store.upsert(
                "scjgj", "licences", List.of(candidate("K-LOCK-1", "VALID", "首次许可（旧导出）",
                        T1.plus(Duration.ofHours(12)))), Instant.now())));
        awaitWaitingOnALock();
        commit.countDown();

        assertThat(newer.get(20, TimeUnit.SECONDS).get(0).kind()).isEqualTo(StoreOutcome.Kind.NEW_VERSION);
        StoreOutcome late = older.get(20, TimeUnit.SECONDS).get(0);
        assertThat(late.kind()).isEqualTo(StoreOutcome.Kind.SUPERSEDED);
        assertThat(late.version()).isEqualTo(2);
        assertThat(late.reason()).contains("older than version 2 (REVOKED");
        assertThat(current(id)).isEqualTo("2 REVOKED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_feed_outbox WHERE record_id = ?", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void newerRowWaitingOnTheLockOfAnOlderOneBecomesCurrent() throws Exception {
        long id = stored("K-LOCK-2", "VALID", "首次许可", T1);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<List<StoreOutcome>> older = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<StoreOutcome> out = store.upsert("scjgj", "licences", List.of(candidate("K-LOCK-2", "VALID",
                    "变更经营项目", T2)), Instant.now());
            written.countDown();
            awaitLatch(commit);
            return out;
        }));
        assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<StoreOutcome>> newer = CompletableFuture.supplyAsync(() -> tx.execute(s -> store.upsert(
                "scjgj", "licences", List.of(candidate("K-LOCK-2", "REVOKED", "变更经营项目", T3)), Instant.now())));
        awaitWaitingOnALock();
        commit.countDown();

        assertThat(older.get(20, TimeUnit.SECONDS).get(0).version()).isEqualTo(2);
        StoreOutcome last = newer.get(20, TimeUnit.SECONDS).get(0);
        assertThat(last.kind()).isEqualTo(StoreOutcome.Kind.NEW_VERSION);
        assertThat(last.version()).isEqualTo(3);
        assertThat(current(id)).isEqualTo("3 REVOKED");
    }

    @Test
    void rowsStoredBeforeSourceTimesWereKeptCompareAsUnknown() {
        long id = stored("K-LEGACY", "REVOKED", "首次许可", T2);
        jdbc.update("UPDATE hub_record SET source_time = NULL WHERE id = ?", id); // as after the migration
        StoreOutcome o = tx.execute(s -> store.upsert("scjgj", "licences", List.of(candidate("K-LEGACY", "VALID",
                "首次许可", T1)), Instant.now())).get(0);
        assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.NEW_VERSION); // the earlier behaviour: a change wins
        assertThat(current(id)).isEqualTo("2 VALID");
    }

    @Test
    void aRowWithoutSourceTimeNeverRevivesARevokedRecordButMayChangeAValidOne() {
        long revoked = stored("K-NOTIME-1", "REVOKED", "首次许可", T2);
        StoreOutcome o = tx.execute(s -> store.upsert("scjgj", "licences", List.of(candidate("K-NOTIME-1", "VALID",
                "首次许可", null)), Instant.now())).get(0);
        assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.SUPERSEDED);
        assertThat(o.reason()).startsWith("the row has no source time and would revive the REVOKED version 1");
        assertThat(current(revoked)).isEqualTo("1 REVOKED");

        long valid = stored("K-NOTIME-2", "VALID", "首次许可", T2);
        StoreOutcome changed = tx.execute(s -> store.upsert("scjgj", "licences", List.of(candidate("K-NOTIME-2",
                "VALID", "变更经营项目", null)), Instant.now())).get(0);
        assertThat(changed.kind()).isEqualTo(StoreOutcome.Kind.NEW_VERSION);
        assertThat(current(valid)).isEqualTo("2 VALID");
    }

    @Test
    void withinOneBatchTheNewerOfTwoRowsOfAKeyWinsWhateverTheirOrder() {
        List<StoreOutcome> out = tx.execute(s -> store.upsert("scjgj", "licences", List.of(
                candidate("K-BATCH", "REVOKED", "首次许可", T3), candidate("K-BATCH", "VALID", "首次许可", T2)),
                Instant.now()));
        assertThat(out).extracting(StoreOutcome::kind).containsExactly(StoreOutcome.Kind.STORED,
                StoreOutcome.Kind.SUPERSEDED);
        assertThat(current(out.get(0).recordId())).isEqualTo("1 REVOKED");
        assertThat(store.superseded(out.get(0).recordId())).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo("VALID"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private long stored(String key, String status, String content, Instant time) {
        return tx.execute(s -> store.upsert("scjgj", "licences", List.of(candidate(key, status, content, time)),
                Instant.now())).get(0).recordId();
    }

    private String current(long id) {
        return jdbc.queryForObject("SELECT current_version || ' ' || status FROM hub_record WHERE id = ?", String.class,
                id);
    }

    /** Waits until a session of this database waits on a row lock (the second writer's SELECT … FOR UPDATE). */
    private void awaitWaitingOnALock() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class) > 0);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Candidate candidate(String key, String status, String content, Instant sourceTime) {
        return StoreCandidates.licence(key, status, content, sourceTime);
    }
}
