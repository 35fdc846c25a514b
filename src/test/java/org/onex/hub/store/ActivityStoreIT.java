package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.it.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17 item 1: the overview's rows per hour and lag, counted from the feed in feed order on a real PostgreSQL
 * store: every sequenced version once, in the hour it was stored, with the lag from the department's change time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityStoreIT {

    private JdbcTemplate jdbc;
    private RecordStore records;
    private FeedSequencer sequencer;
    private ActivityStore activity;
    private TransactionTemplate tx;

    @BeforeAll
    void migrate() {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestDatabases.freshPostgres("hub_store_activity"),
                "postgres", "");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        records = new RecordStore(jdbc);
        sequencer = new FeedSequencer(jdbc);
        activity = new ActivityStore(jdbc);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @Test
    void eachSequencedVersionIsCountedOnceInTheHourItWasStoredWithItsLag() {
        Instant now = Instant.now();
        Instant changed = now.minus(Duration.ofMinutes(30));
        // three licences changed in the department's system half an hour ago; one without a change time
        for (String key : List.of("ACT-1", "ACT-2", "ACT-3")) {
            tx.executeWithoutResult(s -> records.upsert("scjgj", "licences",
                    List.of(StoreCandidates.licence(key, "VALID", "首次许可", changed)), now));
        }
        tx.executeWithoutResult(s -> records.upsert("scjgj", "licences",
                List.of(StoreCandidates.licence("ACT-4", "VALID", "首次许可", null)), now));
        tx.executeWithoutResult(s -> sequencer.sequence(100));
        assertThat(sample(2, now)).as("a batch of two").isEqualTo(2);
        assertThat(sample(100, now)).as("the rest, nothing twice").isEqualTo(2);
        assertThat(sample(100, now)).isZero();

        List<ActivityStore.Hour> hours = activity.since(now.minus(Duration.ofHours(1)));
        assertThat(hours).hasSize(1);
        ActivityStore.Hour h = hours.get(0);
        assertThat(h.department()).isEqualTo("scjgj");
        assertThat(h.start()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        assertThat(h.rows()).isEqualTo(4);
        assertThat(h.lagAvgMs()).as("the mean of the three rows with a change time")
                .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(31).toMillis());
        assertThat(h.lagMaxMs()).isGreaterThanOrEqualTo(h.lagAvgMs());

        // a new version later is added to the same hour, not a second row
        tx.executeWithoutResult(s -> records.upsert("scjgj", "licences",
                List.of(StoreCandidates.licence("ACT-1", "REVOKED", "首次许可", now)), now));
        tx.executeWithoutResult(s -> sequencer.sequence(100));
        assertThat(sample(100, now)).isEqualTo(1);
        assertThat(activity.since(now.minus(Duration.ofHours(1)))).singleElement()
                .extracting(ActivityStore.Hour::rows).isEqualTo(5L);
        assertThat(jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'activity_seq'",
                Long.class)).isEqualTo(jdbc.queryForObject("SELECT MAX(seq) FROM hub_feed", Long.class));
    }

    private int sample(int limit, Instant now) {
        Integer n = tx.execute(s -> activity.sample(limit, now));
        return n == null ? -1 : n;
    }

    @Test
    void hoursOlderThanAWeekAreDropped() {
        Instant old = Instant.now().minus(ActivityStore.KEPT).minus(Duration.ofHours(2));
        jdbc.update("INSERT INTO hub_activity_hour VALUES ('zrzyj', ?, 7, 0, 0, 0)", java.sql.Timestamp.from(old));
        sample(100, Instant.now());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_activity_hour WHERE department = 'zrzyj'",
                Integer.class)).isZero();
    }
}
