package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.onex.hub.it.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: the outbox is a queue, and on PostgreSQL the sequencer vacuums it itself once it deleted
 * {@value FeedSequencer#VACUUM_AFTER} rows, so that its pages stop walking every row deleted since the last vacuum.
 * The store's own migrations (both locations, as the hub runs them) drop the version index no query needs and give
 * the outbox its own autovacuum settings. On H2 there is nothing to vacuum.
 */
class FeedSequencerOutboxIT {

    @Test
    void onPostgresTheSequencerVacuumsTheOutboxAfterItsThresholdAndTheFeedIsComplete() {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestDatabases.freshPostgres("hub_store_outbox"),
                "postgres", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        RecordStore records = new RecordStore(jdbc);
        FeedSequencer sequencer = new FeedSequencer(jdbc);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_hub_record_version_record'",
                Integer.class)).as("V19 dropped it").isZero();
        assertThat(jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class"
                + " WHERE relname = 'hub_feed_outbox'", String.class)).contains("autovacuum_vacuum_threshold=5000");

        int versions = (int) FeedSequencer.VACUUM_AFTER + 500;
        Instant now = Instant.now();
        for (int from = 0; from < versions; from += 1_000) {
            List<Candidate> batch = new ArrayList<>();
            for (int i = from; i < Math.min(versions, from + 1_000); i++) {
                batch.add(StoreCandidates.licence("武市监许〔2026〕" + i + "号", "VALID", "食品经营许可", now));
            }
            tx.executeWithoutResult(s -> records.upsert("scjgj", "licences", batch, now));
        }
        long vacuumsBefore = vacuumCount(jdbc);

        assertThat((int) tx.execute(s -> sequencer.sequence(5_000))).isEqualTo(5_000);
        assertThat(sequencer.vacuumOutboxIfDue()).as("5,000 deleted: not yet").isFalse();
        assertThat((int) tx.execute(s -> sequencer.sequence(5_000))).isEqualTo(5_000);
        assertThat(sequencer.vacuumOutboxIfDue()).as("10,000 deleted").isTrue();
        assertThat(sequencer.vacuumOutboxIfDue()).as("counted again from 0").isFalse();
        assertThat((int) tx.execute(s -> sequencer.sequence(5_000))).isEqualTo(500);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM hub_feed_outbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT version_id) FROM hub_feed", Long.class))
                .isEqualTo(versions);
        assertThat(jdbc.queryForObject("SELECT max(seq) - min(seq) + 1 FROM hub_feed", Long.class))
                .as("no gap").isEqualTo(versions);
        await().atMost(Duration.ofSeconds(10)).until(() -> vacuumCount(jdbc) > vacuumsBefore);
    }

    @Test
    void onH2ThereIsNothingToVacuum() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:outbox-h2;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        RecordStore records = new RecordStore(jdbc);
        FeedSequencer sequencer = new FeedSequencer(jdbc);
        Instant now = Instant.now();
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < FeedSequencer.VACUUM_AFTER; i++) {
            batch.add(StoreCandidates.licence("武市监许〔2026〕" + i + "号", "VALID", "食品经营许可", now));
        }
        tx.executeWithoutResult(s -> records.upsert("scjgj", "licences", batch, now));
        assertThat((int) tx.execute(s -> sequencer.sequence(20_000))).isEqualTo((int) FeedSequencer.VACUUM_AFTER);
        assertThat(sequencer.vacuumOutboxIfDue()).isFalse();
        jdbc.execute("SHUTDOWN");
    }

    private static long vacuumCount(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'hub_feed_outbox'",
                Long.class);
        return n == null ? 0 : n;
    }
}
