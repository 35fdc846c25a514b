package org.onex.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded store hands out ids 1000 at a time (db/vendor/h2/V12), and a crash still never reuses one: H2
 * writes the end of each handed-out block before the first of its ids is used (issue 13 item 1).
 */
class H2IdentityCacheTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("hub-store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    @Test
    void everyIdentityColumnOfTheStoreCachesAThousandAndAnIdIsNotReusedAfterACrash() {
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        long before;
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url(), "sa", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<String> caches = jdbc.queryForList("SELECT table_name || '.' || column_name || '=' || identity_cache"
                    + " FROM information_schema.columns WHERE is_identity = 'YES' ORDER BY table_name", String.class);
            assertThat(caches).hasSize(11).allMatch(c -> c.endsWith("=1000"), "identity cache 1000");
            before = insertAlert(jdbc);
            jdbc.execute("SHUTDOWN IMMEDIATELY"); // like kill -9: nothing is closed cleanly
        }
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url(), "sa", "", true)) {
            long after = insertAlert(new JdbcTemplate(ds));
            assertThat(after).as("the id after a crash").isGreaterThan(before);
        }
    }

    private static long insertAlert(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO hub_alert (kind, severity, status, department, message, raised_at, last_seen_at,"
                + " times_seen, subject) VALUES ('TEST', 'INFO', 'OPEN', 'zhzf', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 's')");
        return jdbc.queryForObject("SELECT MAX(id) FROM hub_alert", Long.class);
    }
}
