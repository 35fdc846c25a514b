package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** DESIGN.md correctness rules: a hub stopped in the middle of a stream loses and duplicates nothing. */
class RestartIT {

    private static final int ROWS = 10_000;

    @Test
    void hubRestartedMidStreamLosesNothingAndDuplicatesNothing() throws IOException {
        String sourceUrl = TestDatabases.freshPostgres("dept_it_restart");
        String storeUrl = TestDatabases.freshPostgres("hub_it_restart");
        LicenceSource source = LicenceSource.postgres(sourceUrl);
        LocalDateTime start = LicenceSource.now().minusMinutes(5);
        for (int i = 1; i <= ROWS; i++) {
            source.insert(i, "IT-RESTART-" + i, source.validCreditCode(), start.plusNanos(i * 1_000_000L));
        }
        JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(storeUrl, "postgres", ""));
        Path routes = TestRoutes.licenceRoute(java.util.Map.of("batchSize", "20", "pollInterval", "200ms",
                "commitDelay", "1s"));

        try (ConfigurableApplicationContext first = start(storeUrl, sourceUrl, routes)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(store, "hub_record") > 0);
        }
        long storedBeforeRestart = count(store, "hub_record");
        assertThat(storedBeforeRestart).as("stopped mid-stream").isBetween(1L, ROWS - 1L);

        try (ConfigurableApplicationContext second = start(storeUrl, sourceUrl, routes)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> count(store, "hub_record") == ROWS);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.queryForObject(
                    "SELECT COUNT(*) FROM hub_feed", Long.class) == ROWS);
        }
        assertThat(count(store, "hub_record_version")).as("one version per row, none repeated").isEqualTo(ROWS);
        assertThat(store.queryForObject("SELECT COUNT(DISTINCT source_key) FROM hub_record", Long.class))
                .isEqualTo(ROWS);
        assertThat(store.queryForObject("SELECT MAX(seq) FROM hub_feed", Long.class))
                .as("feed sequence without gaps").isEqualTo(ROWS);
        assertThat(count(store, "hub_quarantine")).isZero();
    }

    private static ConfigurableApplicationContext start(String storeUrl, String sourceUrl, Path routes) {
        // Command-line arguments, so they win over application.yaml like an operator's would.
        return new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + storeUrl,
                "--spring.datasource.username=postgres",
                "--hub.demo.enabled=false",
                "--hub.routes-dir=" + routes,
                "--hub.data-dir=" + routes.resolve("data"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.datasources.it-src.url=" + sourceUrl,
                "--hub.datasources.it-src.username=postgres");
    }

    private static long count(JdbcTemplate store, String table) {
        return store.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
