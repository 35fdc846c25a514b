package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.auth.PushKeys;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestHook;
import org.onex.hub.ingest.push.PushLimits;
import org.onex.hub.schema.HubJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 2, bounded work per row, over real HTTP on a real hub store (H2 and PostgreSQL subclasses):
 * 100,000 identical bad rows in one push finish in seconds and add one quarantine entry per distinct row; a push
 * past its deadline commits nothing and says so; pushes over the per-request and per-department limits are
 * refused with a problem body and store nothing. The hub's clock is a {@link TravelClock}: the deadline and the
 * department's period move only when the test moves them (no sleeps).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPushBoundsIT {

    private static final String KEY = "test-jtysj-bounds-key";
    private static final String LIMITED_KEY = "test-sthjj-bounds-key";
    /** Long enough for the 100,000 rows on a loaded 2-core CI machine; the deadline test moves the clock past it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Rows whose source key starts with this make the test hook move the clock past the push's deadline. */
    private static final String SLOW = "DEADLINE-";
    /** Rows whose source key starts with this wait in the ingest transaction until the test releases them. */
    private static final String HOLD = "HOLD-";
    private final CountDownLatch release = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final TravelClock clock = new TravelClock(Instant.now());
    private Path work;
    private ConfigurableApplicationContext hub;
    private JdbcTemplate store;
    private String base;

    /** The hub store's settings (empty: the embedded H2 default). */
    abstract Map<String, String> storeSettings();

    /** The store's name in the printed figures. */
    abstract String storeName();

    /** The store's size in bytes, for the printed figures. */
    abstract long storeBytes(JdbcTemplate store, Path dataDir);

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory(Path.of("target"), "hub-push-bounds").toAbsolutePath();
        Files.createDirectories(work.resolve("routes"));
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.push.keys.jtysj=" + sha256(KEY), "--hub.push.keys.sthjj=" + sha256(LIMITED_KEY),
                "--hub.push.timeout=" + TIMEOUT.toSeconds() + "s",
                // sthjj: 10 rows a request, 10 rows an hour; jtysj: one push at a time
                "--hub.push.departments.sthjj.max-rows=10", "--hub.push.departments.sthjj.rows=10",
                "--hub.push.departments.sthjj.period=1h", "--hub.push.departments.jtysj.concurrent=1"));
        storeSettings().forEach((k, v) -> args.add("--" + k + "=" + v));
        IngestHook slow = new IngestHook() {
            @Override
            public void stored(String department, String feed, List<Stored> rows, Instant now) {
                if (rows.stream().anyMatch(r -> r.record().identity().sourceKey().startsWith(SLOW))) {
                    clock.advance(TIMEOUT.plusSeconds(1)); // the rows are written; the push is now past its deadline
                }
                if (rows.stream().anyMatch(r -> r.record().identity().sourceKey().startsWith(HOLD))) {
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        hub = new SpringApplicationBuilder(HubApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("clock", clock);
                    ctx.getBeanFactory().registerSingleton("testSlowHook", slow);
                })
                .run(args.toArray(String[]::new));
        store = hub.getBean(JdbcTemplate.class);
        base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    /**
     * 50,000 identical rows without a source key and 50,000 identical rows of one source key, in one push: two
     * quarantine entries counting their sightings, written once each, answered within seconds. The same push
     * again adds nothing but counts.
     */
    @Test
    void oneHundredThousandIdenticalBadRowsAreTwoEntriesWithinSeconds() throws Exception {
        // as small as bad rows get (the attack's 400 KB body held 100,000 rows): no key, and a key but no fields
        String a = "{\"scope\":\"x\"}", b = "{\"licenceNo\":\"BULK-BAD-1\"}";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            body.append(a).append('\n').append(b).append('\n');
        }
        Path data = work.resolve("data");
        long[] before = quarantineCounts();
        long bytesBefore = storeBytes(store, data);

        String again = (a + "\n" + b + "\n").repeat(1_000); // the same rows in a later push: counted, no new row
        for (int round = 1; round <= 2; round++) {
            int sent = round == 1 ? 100_000 : 2_000;
            long t0 = System.nanoTime();
            HttpResponse<String> r = push(KEY, "jtysj", "application/x-ndjson", round == 1 ? body.toString() : again);
            double seconds = (System.nanoTime() - t0) / 1e9;
            JsonNode answer = ok(r);
            long[] after = quarantineCounts();
            long bytesAfter = storeBytes(store, data);
            System.out.printf("issue 13 bounded push [%s] push %d: %d identical bad rows (2 distinct) in one push"
                    + " (%d KiB): answered %d in %.1f s (timeout %d s, answer %d KiB); quarantine entries +%d, failure"
                    + " rows +%d, channel rows +%d; store %d KiB -> %d KiB%n", storeName(), round, sent,
                    (round == 1 ? body.length() : again.length()) / 1024, r.statusCode(), seconds, TIMEOUT.toSeconds(), r.body().length() / 1024,
                    after[0] - before[0], after[1] - before[1], after[2] - before[2], bytesBefore / 1024,
                    bytesAfter / 1024);

            assertThat(seconds).as("well under the push timeout").isLessThan(TIMEOUT.toSeconds() / 2.0);
            assertThat(answer.get("rows").asInt()).isEqualTo(sent);
            assertThat(answer.get("quarantined").asInt()).isEqualTo(sent);
            assertThat(answer.at("/results/0/failures").size()).isPositive();
            assertThat(answer.at("/results/2/sameFailuresAs").asInt()).isZero();
            assertThat(answer.at("/results/3/sameFailuresAs").asInt()).isEqualTo(1);
            int added = round == 1 ? 2 : 0; // the second round only counts
            assertThat(after[0] - before[0]).as("entries: one per distinct row").isEqualTo(added);
            assertThat(after[2] - before[2]).as("channels: one per entry").isEqualTo(added);
            assertThat(store.queryForObject("SELECT SUM(times_seen) FROM hub_quarantine WHERE department = 'jtysj'"
                    + " AND (source_key = 'BULK-BAD-1' OR source_key IS NULL) AND status = 'OPEN'", Long.class))
                    .isEqualTo(round == 1 ? 100_000L : 102_000L);
            before = after;
            bytesBefore = bytesAfter;
        }
    }

    /** A push past its deadline is rolled back whole (records, versions, outbox, quarantine) and says so. */
    @Test
    void aPushPastItsDeadlineCommitsNothingAndSaysSo() throws Exception {
        Map<String, Object> bad = licence(41);
        bad.put("licenceNo", SLOW + "BAD-1");
        bad.put("creditCode", SyntheticData.brokenCreditCode(new Random(41)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> row = licence(40 + i);
            row.put("licenceNo", SLOW + i);
            rows.add(row);
        }
        rows.add(bad);
        long outbox = store.queryForObject("SELECT COUNT(*) FROM hub_feed_outbox", Long.class);

        HttpResponse<String> r = push(KEY, "jtysj", "application/json", json(rows));

        JsonNode problem = problem(r, 503, "did not finish within 60 s (hub.push.timeout) and was rolled back:"
                + " nothing of it was stored");
        assertThat(problem.get("committed").asBoolean(true)).isFalse();
        assertThat(problem.get("rows").asInt()).isEqualTo(4);
        assertThat(problem.get("detail").asText()).contains("after the ingest hooks");
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record WHERE source_key LIKE 'DEADLINE-%'",
                Long.class)).isZero();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record_version v JOIN hub_record h ON h.id ="
                + " v.record_id WHERE h.source_key LIKE 'DEADLINE-%'", Long.class)).isZero();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_feed_outbox", Long.class)).isEqualTo(outbox);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_quarantine WHERE source_key LIKE 'DEADLINE-%'",
                Long.class)).isZero();
        // the same rows under other keys (no hook) are stored: only the deadline refused them
        rows.forEach(row -> row.put("licenceNo", ((String) row.get("licenceNo")).replace(SLOW, "IN-TIME-")));
        assertThat(ok(push(KEY, "jtysj", "application/json", json(rows))).get("stored").asInt()).isEqualTo(3);
    }

    /** More rows than the department's max-rows: 413 while reading, nothing stored, no budget spent. */
    @Test
    void tooManyRowsInOneRequestIs413AndStoresNothing() throws Exception {
        String body = badRows("ROWS-", 11);
        JsonNode problem = problem(push(LIMITED_KEY, "sthjj", "application/x-ndjson", body), 413,
                "more than 10 rows (hub.push.max-rows); nothing was stored");
        assertThat(problem.get("title").asText()).isEqualTo("Content Too Large");
        assertThat(stored("sthjj", "ROWS-")).isZero();
    }

    /** The department's rows per period: the push that would exceed them is refused whole, until the period ends. */
    @Test
    void rowsPerPeriodOverTheDepartmentsBudgetAre429WithRetryAfter() throws Exception {
        clock.advance(Duration.ofHours(2)); // a period of its own, whatever ran before
        assertThat(push(LIMITED_KEY, "sthjj", "application/x-ndjson", badRows("BUDGET-A-", 8)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = push(LIMITED_KEY, "sthjj", "application/x-ndjson", badRows("BUDGET-B-", 5));

        problem(refused, 429, "sthjj has pushed its 10 rows of the last 3600 s (hub.push.per-department.rows and"
                + " .period); these 5 rows were not stored: retry after 3600 s");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(stored("sthjj", "BUDGET-A-")).isEqualTo(8);
        assertThat(stored("sthjj", "BUDGET-B-")).isZero();
        clock.advance(Duration.ofHours(1)); // the next period
        assertThat(push(LIMITED_KEY, "sthjj", "application/x-ndjson", badRows("BUDGET-B-", 5)).statusCode())
                .isEqualTo(200);
        assertThat(stored("sthjj", "BUDGET-B-")).isEqualTo(5);
    }

    /** A second push of a department while its first is still being processed: 429 before its body is read. */
    @Test
    void aPushBeyondTheDepartmentsConcurrentPushesIs429() throws Exception {
        List<Map<String, Object>> held = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> row = licence(60 + i);
            row.put("licenceNo", HOLD + i);
            held.add(row);
        }
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(request(KEY, "jtysj", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(held))).build(), HttpResponse.BodyHandlers.ofString());
        PushLimits limits = hub.getBean(PushLimits.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> limits.running("jtysj") == 1);

        HttpResponse<String> second = push(KEY, "jtysj", "application/x-ndjson", badRows("SLOT-B-", 2));

        release.countDown();
        problem(second, 429, "1 push(es) of jtysj are being processed (hub.push.per-department.concurrent)");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(ok(running.get(60, TimeUnit.SECONDS)).get("stored").asInt()).isEqualTo(2);
        assertThat(stored("jtysj", "SLOT-B-")).isZero();
        assertThat(limits.running("jtysj")).isZero();
        assertThat(push(KEY, "jtysj", "application/x-ndjson", badRows("SLOT-B-", 2)).statusCode()).isEqualTo(200);
        assertThat(stored("jtysj", "SLOT-B-")).isEqualTo(2);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Quarantine entries, failure rows and channel rows in the store. */
    private long[] quarantineCounts() {
        return new long[] { count("hub_quarantine"), count("hub_quarantine_failure"), count("hub_quarantine_channel") };
    }

    private long count(String table) {
        return store.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Quarantine entries (the rows below are bad in every mapping) of the department whose key starts so. */
    private long stored(String department, String prefix) {
        return store.queryForObject("SELECT COUNT(*) FROM hub_quarantine WHERE department = ? AND source_key LIKE ?",
                Long.class, department, prefix + "%");
    }

    /** Rows that every mapping quarantines; each carries its key under the key column of every feed used here. */
    private static String badRows(String prefix, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("licenceNo", prefix + i);
            row.put("XK_WSH", prefix + i);
            lines.add(json(row));
        }
        return lines.stream().collect(Collectors.joining("\n")) + "\n";
    }

    private static Map<String, Object> licence(long n) {
        Random r = new Random(n);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("licenceNo", "浙交运管许可金字BOUNDS" + n + "号");
        row.put("holderName", SyntheticData.companyName(r));
        row.put("holderType", "company");
        row.put("creditCode", SyntheticData.creditCode(r));
        row.put("decidedOn", "2026-11-1" + (n % 10));
        row.put("scope", "道路普通货物运输");
        return row;
    }

    private HttpRequest.Builder request(String key, String department, String contentType) {
        return HttpRequest.newBuilder(URI.create(base + "/ingest/" + department + "/licences"))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(3));
    }

    private HttpResponse<String> push(String key, String department, String contentType, String body)
            throws Exception {
        return http.send(request(key, department, contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body().substring(0, Math.min(2000, r.body().length()))).isEqualTo(200);
        return HubJson.mapper().readTree(r.body());
    }

    private static JsonNode problem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = HubJson.mapper().readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detail);
        return body;
    }

    private static String json(Object value) {
        try {
            return HubJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String key) {
        return HexFormat.of().formatHex(PushKeys.sha256(key));
    }
}
