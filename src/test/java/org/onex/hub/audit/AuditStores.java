package org.onex.hub.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.it.TestDatabases;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A migrated hub store (fresh H2 in memory, or a fresh PostgreSQL database) with the audit log and the client
 * store wired as the hub wires them, on a clock the test moves.
 */
public final class AuditStores implements AutoCloseable {

    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T02:00:00Z"));
    public final AuditLog audit;
    public final AuditVerifier verifier;
    public final ApiClients clients;

    private AuditStores(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        // the hub's own locations (application.yaml): the vendor folder of the store's kind too, as the commands
        // that open the same store apply them
        String vendor = url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        audit = new AuditLog(jdbc, tx, clock);
        verifier = new AuditVerifier(jdbc);
        clients = new ApiClients(jdbc, tx, audit, clock);
    }

    public static AuditStores h2() {
        return new AuditStores("jdbc:h2:mem:audit_" + UUID.randomUUID().toString().replace("-", "") + H2_FLAGS
                + ";DB_CLOSE_DELAY=-1", "sa");
    }

    /** The store at {@code url} (migrated if it is not yet), e.g. an H2 file a command wrote. */
    public static AuditStores at(String url, String user) {
        return new AuditStores(url, user);
    }

    /** A fresh PostgreSQL database on the test machine's server (README "Tests"). */
    public static AuditStores postgres(String database) {
        return new AuditStores(TestDatabases.freshPostgres(database), "postgres");
    }

    public AuditRetention retention(Duration retention) {
        return new AuditRetention(jdbc, tx, audit, verifier, new AuditProperties(retention, Duration.ofDays(1),
                Duration.ofMinutes(5), Duration.ofSeconds(10)), clock);
    }

    public Client client(String id, Role role, String department) {
        return new Client(id, role, department);
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A clock the test moves by hand. */
    public static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
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
