package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.alert.Alerts;
import org.onex.hub.auth.PushKeys;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 3: {@code POST /api/v1/ingest/{department}/{feed}} over real HTTP. Pushed rows go through the
 * department's mapping, store and quarantine like every other source (R-APPROVAL-NOTICE: a licence
 * decision reaches the hub the moment the department pushes it), with an answer per row and a
 * specific status for every kind of bad request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushApiIT {

    private static final String KEY = "test-jtysj-key-0f3a";
    private static final String OTHER_KEY = "test-scjgj-key-77c1";

    private final HttpClient http = HttpClient.newHttpClient();
    /** The operators' webhook: answers 503 to its first call, then 200, and keeps what it accepted. */
    private com.sun.net.httpserver.HttpServer webhook;
    private final java.util.List<String> hooked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger hookCalls = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<String> hookHeaders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Path work;
    private ConfigurableApplicationContext hub;
    private String base;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-push-it");
        webhook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = hookCalls.incrementAndGet() == 1 ? 503 : 200;
            if (status == 200) {
                hooked.add(body);
                hookHeaders.addAll(x.getRequestHeaders().keySet());
            }
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        webhook.start();
        Files.createDirectories(work.resolve("routes"));
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.push.keys.jtysj=" + sha256(KEY), "--hub.push.keys.scjgj=" + sha256(OTHER_KEY),
                "--hub.push.max-body-size=64KB", "--hub.alerts.webhook-url=http://127.0.0.1:"
                        + webhook.getAddress().getPort() + "/hook");
        base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
    }

    @AfterAll
    void stop() {
        hub.close();
        webhook.stop(0);
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void eachRowIsAnsweredAndARepeatIsUnchangedAndAChangeIsANewVersion() throws Exception {
        Map<String, Object> a = licence(1), b = licence(2), bad = licence(3);
        bad.put("creditCode", SyntheticData.brokenCreditCode(new Random(9)));

        JsonNode first = ok(push(KEY, "jtysj", "licences", "application/json", json(List.of(a, b, bad))));
        assertThat(first.get("rows").asInt()).isEqualTo(3);
        assertThat(statuses(first)).containsExactly("STORED", "STORED", "QUARANTINED");
        assertThat(first.at("/results/2/failures/0/field").asText()).isEqualTo("subject.creditCode");
        assertThat(first.at("/results/2/quarantineId").asLong()).isPositive();

        b.put("scope", "道路普通货物运输、危险货物运输");
        JsonNode second = ok(push(KEY, "jtysj", "licences", "application/json", json(List.of(a, b))));
        assertThat(statuses(second)).containsExactly("UNCHANGED", "NEW_VERSION");
        assertThat(second.at("/results/1/version").asInt()).isEqualTo(2);
        assertThat(second.at("/results/1/recordId").asLong()).isEqualTo(first.at("/results/1/recordId").asLong());

        JsonNode quarantined = ok(http.send(HttpRequest.newBuilder(URI.create(base
                + "/quarantine?department=jtysj")).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString())); // a department reads its own quarantine with its key
        assertThat(quarantined.get("items").findValuesAsText("sourceRef"))
                .anyMatch(ref -> ref.startsWith("REST push ") && ref.endsWith("element 3 (line 1)"));
    }

    /**
     * Issue 12 item 4 on the embedded store (H2): a pushed row older than the record's state is answered
     * SUPERSEDED with the reason, kept once as history, never a version; it cannot revive a revoked licence.
     * A row without a time field is judged by its receipt time.
     */
    @Test
    void olderPushIsSupersededAndNeverRevivesARevokedLicence() throws Exception {
        Map<String, Object> revoked = licence(30);
        revoked.put("state", "revoked");
        revoked.put("updatedAt", "2026-11-20 10:00:00");
        JsonNode first = ok(push(KEY, "jtysj", "licences", "application/json", json(List.of(revoked))));
        assertThat(statuses(first)).containsExactly("STORED");
        long recordId = first.at("/results/0/recordId").asLong();

        Map<String, Object> older = licence(30); // valid, as the department's system had it the day before
        older.put("updatedAt", "2026/11/19 16:30");
        for (int attempt = 0; attempt < 2; attempt++) {
            JsonNode stale = ok(push(KEY, "jtysj", "licences", "application/json", json(List.of(older))));
            assertThat(statuses(stale)).containsExactly("SUPERSEDED");
            assertThat(stale.get("superseded").asInt()).isEqualTo(1);
            assertThat(stale.at("/results/0/recordId").asLong()).isEqualTo(recordId);
            assertThat(stale.at("/results/0/version").asInt()).isEqualTo(1);
            assertThat(stale.at("/results/0/reason").asText()).isEqualTo("source time 2026-11-19T16:30+08:00 is older"
                    + " than version 1 (REVOKED, source time 2026-11-20T10:00+08:00)");
        }
        var store = hub.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        assertThat(store.queryForObject("SELECT status FROM hub_record WHERE id = ?", String.class, recordId))
                .isEqualTo("REVOKED");
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record_superseded WHERE record_id = ?",
                Integer.class, recordId)).isEqualTo(1);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record_version WHERE record_id = ?",
                Integer.class, recordId)).isEqualTo(1);

        // the department re-instates the licence and pushes it without a time: received now, so it is the newest
        Map<String, Object> reinstated = licence(30);
        reinstated.put("scope", "道路普通货物运输（复议后恢复）");
        JsonNode third = ok(push(KEY, "jtysj", "licences", "application/json", json(List.of(reinstated))));
        assertThat(statuses(third)).containsExactly("NEW_VERSION");
        assertThat(third.at("/results/0/version").asInt()).isEqualTo(2);
        assertThat(store.queryForObject("SELECT status FROM hub_record WHERE id = ?", String.class, recordId))
                .isEqualTo("VALID");
    }

    @Test
    void ndjsonBodyIsAccepted() throws Exception {
        String body = List.of(licence(10), licence(11)).stream().map(PushApiIT::json)
                .collect(Collectors.joining("\n")) + "\n";
        JsonNode result = ok(push(KEY, "jtysj", "licences", "application/x-ndjson", body));
        assertThat(result.get("stored").asInt()).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() throws Exception {
        HttpResponse<String> r = push(KEY, "jtysj", "licences", "application/json",
                "[\n  {\"licenceNo\": \"X\",\n   \"holderName\": }\n]");
        assertProblem(r, 400, "line 3, column 18");
    }

    @Test
    void bodyOverTheLimitIs413WithOrWithoutContentLength() throws Exception {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(licence(100 + i));
        }
        byte[] body = json(many).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(64 * 1024);
        assertProblem(push(KEY, "jtysj", "licences", "application/json", new String(body, StandardCharsets.UTF_8)),
                413, "hub.push.max-body-size");
        // chunked: no Content-Length, the limit applies while reading
        HttpRequest chunked = request(KEY, "jtysj", "licences", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertProblem(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "larger than");
        Integer stored = hub.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM hub_record WHERE department = 'jtysj' AND source_key = ?", Integer.class,
                many.get(0).get("licenceNo"));
        assertThat(stored).isZero();
    }

    @Test
    void unknownDepartmentOrFeedIs404() throws Exception {
        assertProblem(push(KEY, "nosuch", "licences", "application/json", "[]"), 404, "unknown department 'nosuch'");
        assertProblem(push(KEY, "jtysj", "penalties", "application/json", "[]"), 404, "no feed 'penalties'");
    }

    @Test
    void missingOrWrongKeyIs401AndAnotherDepartmentsKeyIs403() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/ingest/jtysj/licences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 401, "an API key is required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"onex-hub\"");
        assertProblem(push("wrong-key", "jtysj", "licences", "application/json", "[]"), 401, "API key is not valid");
        assertProblem(push(OTHER_KEY, "jtysj", "licences", "application/json", json(List.of(licence(20)))), 403,
                "the key of scjgj may only push to feeds of scjgj");
    }

    @Test
    void otherContentTypeIs415AndAnEmptyArrayIs400() throws Exception {
        assertProblem(push(KEY, "jtysj", "licences", "text/csv", "a,b\n1,2\n"), 415, "application/x-ndjson");
        assertProblem(push(KEY, "jtysj", "licences", "application/json", "[]"), 400, "no rows");
    }

    @Test
    void anAlertIsListedAndAcknowledgedOnceWithAComment() throws Exception {
        long id = hub.getBean(Alerts.class).error(Alerts.PUSH_REJECTED, "jtysj",
                "licences", "test-subject-" + System.nanoTime(), "a test alert");
        JsonNode open = ok(http.send(HttpRequest.newBuilder(URI.create(base + "/alerts?status=OPEN&department=jtysj"))
                .header("Authorization", "Bearer " + TestClients.operator(hub)).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(open.get("items").findValuesAsText("message")).contains("a test alert");
        // published on hub.alerts and posted to the operators' webhook, after one refused attempt
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> hooked.stream().anyMatch(h -> h.contains(
                "a test alert")));
        assertThat(hookCalls.get()).isGreaterThanOrEqualTo(2);
        assertThat(hookHeaders).as("only HTTP's own headers and the content type leave the hub")
                .noneMatch(h -> h.toLowerCase().startsWith("jms") || h.toLowerCase().startsWith("camel")
                        || h.toLowerCase().startsWith("hub"))
                .contains("Content-type");

        assertProblem(ack(id, "{}"), 400, "needs a comment");
        assertProblem(ack(id, "{not json"), 400, "not JSON");
        JsonNode acked = ok(ack(id, "{\"by\": \"值班员 duty operator\", \"comment\": \"called the department\"}"));
        assertThat(acked.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.get("ackComment").asText()).isEqualTo("called the department");
        assertProblem(ack(id, "{\"comment\": \"again\"}"), 409, "already ACKNOWLEDGED");
        assertProblem(ack(987654321L, "{\"comment\": \"x\"}"), 404, "no alert");
    }

    private HttpResponse<String> ack(long id, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/alerts/" + id + "/ack"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestClients.operator(hub)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Map<String, Object> licence(long n) {
        Random r = new Random(n);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("licenceNo", "浙交运管许可金字PUSH" + n + "号");
        row.put("holderName", SyntheticData.companyName(r));
        row.put("holderType", "company");
        row.put("creditCode", SyntheticData.creditCode(r));
        row.put("decidedOn", "2026-11-1" + (n % 10));
        row.put("scope", "道路普通货物运输");
        return row;
    }

    private HttpRequest.Builder request(String key, String department, String feed, String contentType) {
        return HttpRequest.newBuilder(URI.create(base + "/ingest/" + department + "/" + feed))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType);
    }

    private HttpResponse<String> push(String key, String department, String feed, String contentType, String body)
            throws Exception {
        return http.send(request(key, department, feed, contentType).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HubJson.mapper().readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(HubJson.mapper().readTree(r.body()).get("detail").asText()).contains(detail);
    }

    private static List<String> statuses(JsonNode result) {
        return result.get("results").findValuesAsText("status");
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
