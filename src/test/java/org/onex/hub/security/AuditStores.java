package org.onex.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.onex.hub.it.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A migrated hub store (fresh H2 in memory, or a fresh PostgreSQL database) with the audit log and the client
 * store wired as the hub wires them, on a clock the test moves.
 */
final class AuditStores implements AutoCloseable {

    static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T02:00:00Z"));
    final AuditLog audit;
    final AuditVerifier verifier;
    final ApiClients clients;

    private AuditStores(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        audit = new AuditLog(jdbc, tx, clock);
        verifier = new AuditVerifier(jdbc);
        clients = new ApiClients(jdbc, tx, audit, clock);
    }

    static AuditStores h2() {
        return new AuditStores("jdbc:h2:mem:audit_" + UUID.randomUUID().toString().replace("-", "") + H2_FLAGS
                + ";DB_CLOSE_DELAY=-1", "sa");
    }

    /** The store at {@code url} (migrated if it is not yet), e.g. an H2 file a command wrote. */
    static AuditStores at(String url, String user) {
        return new AuditStores(url, user);
    }

    /** A fresh PostgreSQL database on the test machine's server (README "Tests"). */
    static AuditStores postgres(String database) {
        return new AuditStores(TestDatabases.freshPostgres(database), "postgres");
    }

    AuditRetention retention(Duration retention) {
        return new AuditRetention(jdbc, tx, audit, verifier, new AuditProperties(retention, Duration.ofDays(1),
                Duration.ofMinutes(5), Duration.ofSeconds(10)), clock);
    }

    Client client(String id, Role role, String department) {
        return new Client(id, role, department);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
