package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 16 item 2: "correctness never depends on the lock". As in a network partition, where each half of a cluster
 * believes it owns the source, two jdbc-source routes poll one department table at the same time into one
 * PostgreSQL hub store while the department inserts and changes rows. Every row is stored once, every change is one
 * new version, and the feed holds each version at one position, with no position missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoPollersIT {

    private static final int ROWS = 300;
    private static final int CHANGED = 60;
    static LicenceSource source;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String url = TestDatabases.freshPostgres("dept_it_twopollers");
        source = LicenceSource.postgres(url);
        String storeUrl = TestDatabases.freshPostgres("hub_it_twopollers");
        Path routes = TestRoutes.licenceRoute(Map.of("pollInterval", "100ms", "batchSize", "25"));
        // the same source, feed and table a second time under another route id: a second poller
        String file = Files.readString(routes.resolve("scjgj.camel.yaml"));
        Files.writeString(routes.resolve("scjgj.camel.yaml"), file + file.replace("routeId: scjgj-licences",
                "routeId: scjgj-licences-twin"));
        registry.add("spring.datasource.url", () -> storeUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.routes-dir", routes::toString);
        registry.add("hub.data-dir", () -> routes.resolve("data").toString());
        registry.add("spring.artemis.embedded.persistent", () -> "false");
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        registry.add("hub.datasources.it-src.url", () -> url);
        registry.add("hub.datasources.it-src.username", () -> "postgres");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate store;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext hub;

    @BeforeEach
    void authorize() {
        TestClients.authorize(rest, TestClients.operator(hub));
    }

    @Test
    void twoPollersOfOneSourceStoreEachRowOnceAndEachChangeAsOneVersion() throws Exception {
        long first = 160_000; // each insert commits on its own while both routes poll every 100 ms
        for (int i = 0; i < ROWS; i++) {
            source.insert(first + i, "IT-TWO-" + i, source.validCreditCode(), LicenceSource.now());
        }
        // a change is a version only once the row was read before it: the changes come after every row is stored
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(store.queryForObject(
                "SELECT COUNT(*) FROM hub_record WHERE source_key LIKE 'IT-TWO-%'", Integer.class)).isEqualTo(ROWS));
        for (int i = 0; i < CHANGED; i++) {
            source.updateContent(first + i * 5, "变更许可内容 " + i, LicenceSource.now());
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record WHERE department = 'scjgj'"
                    + " AND source_key LIKE 'IT-TWO-%'", Integer.class)).isEqualTo(ROWS);
            assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record_version v JOIN hub_record r"
                    + " ON r.id = v.record_id WHERE r.source_key LIKE 'IT-TWO-%'", Integer.class))
                    .isEqualTo(ROWS + CHANGED);
        });
        // both routes really polled the table
        for (String route : List.of("scjgj-licences", "scjgj-licences-twin")) {
            Counter polls = meters.find("camel.exchanges.total").tag("routeId", route).counter();
            assertThat(polls).as(route + " polled").isNotNull();
            assertThat(polls.count()).as(route + " polls").isGreaterThan(5);
        }
        // no record has a version twice, and each changed row is exactly version 2
        assertThat(store.queryForList("SELECT r.source_key FROM hub_record r WHERE r.source_key LIKE 'IT-TWO-%'"
                + " AND r.current_version <> (SELECT COUNT(*) FROM hub_record_version v WHERE v.record_id = r.id)",
                String.class)).isEmpty();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record WHERE source_key LIKE 'IT-TWO-%'"
                + " AND current_version = 2", Integer.class)).isEqualTo(CHANGED);

        // the feed: every version at one position, no repeat, no gap among the positions served
        Map<Long, String> positions = new HashMap<>();
        Set<String> versions = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            positions.clear();
            versions.clear();
            repeated.clear();
            String cursor = null;
            while (true) {
                JsonNode page = rest.getForObject("/api/v1/records?department=scjgj&limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor), JsonNode.class);
                for (JsonNode item : page.get("items")) {
                    String version = item.at("/identity/sourceKey").asText() + "#" + item.at("/identity/version").asInt();
                    positions.put(item.get("feedSeq").asLong(), version);
                    if (!versions.add(version)) {
                        repeated.add(version);
                    }
                }
                if (!page.path("more").asBoolean()) {
                    break;
                }
                cursor = page.get("nextCursor").asText();
            }
            assertThat(versions.stream().filter(v -> v.startsWith("IT-TWO-"))).hasSize(ROWS + CHANGED);
        });
        assertThat(repeated).as("versions served at two positions").isEmpty();
        long min = positions.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = positions.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(positions).as("feed positions %d..%d without a gap", min, max).hasSize((int) (max - min + 1));
    }
}
