package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 13 item 3: which QUEUED deliveries the sweep may send again (a crash lost their message or their
 * confirmation) and which are stuck. Rows are written as the channels and a crash leave them.
 */
class DeliveryStoreStuckTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Duration REDISPATCH_AFTER = Duration.ofMinutes(10);

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private DeliveryStore store;
    private long nextRecord = 1;

    @BeforeEach
    void open() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:deliveries-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE"); // deliveries without their decision versions
        store = new DeliveryStore(jdbc);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aQueuedDeliveryNobodyWorksOnIsSentAgainOneInHandOrBehindOneInHandIsNot() {
        // a department whose consumer is idle: its old QUEUED delivery has no message left
        long idle = row("jtysj", "QUEUED", ago(30), ago(20), ago(20));
        // a department whose consumer is retrying its first message: the one in hand and the one behind it wait
        long inHand = row("scjgj", "QUEUED", ago(30), ago(20), ago(1));
        long behind = row("scjgj", "QUEUED", ago(30), ago(20), null);
        // a department whose consumer has passed a delivery (one queued after it is DELIVERED): its message is gone
        long passed = row("sthjj", "QUEUED", ago(30), ago(25), ago(25));
        row("sthjj", "DELIVERED", ago(30), ago(24), ago(1));
        // too young to tell, not queued, already delivered
        row("swj", "QUEUED", ago(5), ago(5), null);
        row("jsj", "PENDING", ago(30), null, null);
        row("jsj", "DEAD", ago(30), ago(20), ago(20));

        List<Long> orphans = store.orphanCandidates(NOW.minus(REDISPATCH_AFTER), 100).stream().map(Delivery::id)
                .toList();

        assertThat(orphans).containsExactly(idle, passed).doesNotContain(inHand, behind);
    }

    @Test
    void aDeliveryPendingOrQueuedPastTheThresholdIsStuckAndCountedPerDepartment() {
        long oldest = row("jtysj", "QUEUED", ago(40), ago(39), ago(1));
        row("jtysj", "PENDING", ago(20), null, null);
        row("jtysj", "QUEUED", ago(5), ago(5), null); // not yet past the threshold
        row("scjgj", "DELIVERED", ago(40), ago(39), ago(38));
        row("scjgj", "DEAD", ago(40), ago(39), ago(38)); // failed with its reason: DELIVERY_DEAD, not stuck

        Instant plannedBefore = NOW.minus(Duration.ofMinutes(15));
        assertThat(store.countStuck(Duration.ofMinutes(15), NOW)).isEqualTo(2);
        assertThat(store.stuckByDepartment(plannedBefore)).containsOnlyKeys("jtysj");
        StuckDeliveries jtysj = store.stuckByDepartment(plannedBefore).get("jtysj");
        assertThat(jtysj.count()).isEqualTo(2);
        assertThat(jtysj.oldest().id()).isEqualTo(oldest);
        assertThat(store.stuck(null, plannedBefore, null, 10)).extracting(Delivery::status)
                .containsExactly("PENDING", "QUEUED");
        assertThat(store.stuck("scjgj", plannedBefore, null, 10)).isEmpty();
        assertThat(store.find(oldest).orElseThrow().isStuck(plannedBefore)).isTrue();
    }

    @Test
    void touchingMarksADeliveryInHandWithoutCountingAnAttempt() {
        long id = row("jtysj", "QUEUED", ago(30), ago(20), null);
        store.touch(List.of(id), NOW.minus(Duration.ofMinutes(2)));
        Delivery d = store.find(id).orElseThrow();
        assertThat(d.lastAttemptAt()).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
        assertThat(d.attempts()).isZero();
        assertThat(store.orphanCandidates(NOW.minus(REDISPATCH_AFTER), 10)).isEmpty();
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private long row(String department, String status, Instant created, Instant queued, Instant lastAttempt) {
        long record = nextRecord++;
        jdbc.update("INSERT INTO hub_delivery (record_id, version, department, route_reason, status, attempts,"
                + " created_at, queued_at, last_attempt_at) VALUES (?, 1, ?, 'matter code IT', ?, 0, ?, ?, ?)", record,
                department, status, ts(created), ts(queued), ts(lastAttempt));
        return jdbc.queryForObject("SELECT id FROM hub_delivery WHERE record_id = ?", Long.class, record);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
