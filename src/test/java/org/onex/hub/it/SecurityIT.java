package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.IdNumbers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 6 on the REST channel, over real HTTP against a running hub: keys, roles, the sharing policy's
 * masking per role (R-CATEGORIES), object-level authorization, rotation and revocation, the audit chain
 * and its verification, and the rate limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    private static final String ID_17 = "33072319800101031";

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext hub;
    private Path work;
    private String base;
    private String idNumber;
    private long personRecord;
    private long zrzyjRecord;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-security");
        Files.createDirectories(work.resolve("routes"));
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false", "--hub.security.rate-limit.requests=20",
                "--hub.security.rate-limit.period=1m",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
        idNumber = ID_17 + IdNumbers.checkCharacter(ID_17);
        Random r = new Random(6);
        Map<String, Object> person = new LinkedHashMap<>(Map.of("XK_WSH", "SEC-PERSON-1", "XK_XDR_MC", "张三丰",
                "XK_XDR_LB", "01", "XK_XDR_ZJHM", idNumber, "XK_JDRQ", "2026-11-20", "UPDATED_AT", "2026-11-20T09:00:00"));
        personRecord = ingest("scjgj", "licences", person);
        Map<String, Object> approval = new LinkedHashMap<>(Map.of("XK_WSH", "SEC-COMPANY-1", "XK_XDR_MC",
                SyntheticData.companyName(r), "XK_XDR_LB", "02", "XK_XDR_SHXYM", SyntheticData.creditCode(r),
                "XK_JDRQ", "2026-11-20", "UPDATED_AT", "2026-11-20T09:00:00"));
        zrzyjRecord = ingest("scjgj", "licences", approval); // a second scjgj record, read by zrzyj below
    }

    @AfterAll
    void stop() {
        hub.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void withoutAKeyTheApiAnswers401AndTheSchemaStaysOpen() throws Exception {
        HttpResponse<String> none = get("/records", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).get("detail").asText()).contains("API key is required");
        assertThat(get("/records", "not-a-key").statusCode()).isEqualTo(401);
        assertThat(get("/schema", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = get("/records", key("sec-bureau", Role.BUREAU, "zhzf"));
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ok.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'none'"));
    }

    @Test
    void eachRoleSeesTheNaturalPersonAsThePolicySays() throws Exception {
        JsonNode bureau = json(get("/records/" + personRecord, key("sec-bureau2", Role.BUREAU, "zhzf"))).get("record");
        assertThat(bureau.at("/subject/name").asText()).isEqualTo("张三丰");
        assertThat(bureau.at("/subject/idNumber").asText()).isEqualTo(idNumber);

        JsonNode operator = json(get("/records/" + personRecord, key("sec-operator", Role.OPERATOR, null))).get("record");
        assertThat(operator.at("/subject/name").asText()).isEqualTo("张**");
        assertThat(operator.at("/subject/idNumber").asText()).isEqualTo("330723********" + idNumber.substring(14));
        assertThat(operator.at("/document/number").asText()).isEqualTo("SEC-PERSON-1");

        JsonNode provider = json(get("/records/" + personRecord, key("sec-scjgj", Role.DEPARTMENT, "scjgj")))
                .get("record");
        assertThat(provider.at("/subject/idNumber").asText()).as("the provider holds its own data").isEqualTo(idNumber);

        String operatorKey = key("sec-operator2", Role.OPERATOR, null);
        JsonNode page = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> json(get("/records?department=scjgj", operatorKey)), p -> p.get("count").asInt() >= 2); // sequenced
        assertThat(page.toString()).doesNotContain(idNumber).contains("330723********");
    }

    @Test
    void aDepartmentReadingAnotherDepartmentsDataIs403AndAudited() throws Exception {
        String zrzyj = key("sec-zrzyj", Role.DEPARTMENT, "zrzyj");
        HttpResponse<String> record = get("/records/" + zrzyjRecord, zrzyj);
        assertThat(record.statusCode()).isEqualTo(403);
        assertThat(json(record).get("detail").asText()).contains("may not read record " + zrzyjRecord);
        assertThat(get("/records?department=scjgj&category=C2", zrzyj).statusCode()).isEqualTo(403);
        assertThat(get("/quarantine?department=scjgj", zrzyj).statusCode()).isEqualTo(403);
        assertThat(get("/deliveries?department=scjgj", zrzyj).statusCode()).isEqualTo(403);
        JsonNode feed = json(get("/records", zrzyj));
        assertThat(feed.get("items").findValuesAsText("department")).doesNotContain("scjgj");
        assertThat(post("/alerts/1/ack", zrzyj, "{\"comment\": \"x\"}").statusCode()).as("an operator action")
                .isEqualTo(403);

        List<JsonNode> denials = audit().stream().filter(e -> e.get("action").asText().equals("POLICY_DENIED")
                && e.get("clientId").asText().equals("sec-zrzyj")).toList();
        assertThat(denials).hasSizeGreaterThanOrEqualTo(5);
        JsonNode reads = audit().stream().filter(e -> e.get("action").asText().equals("FEED_READ")
                && e.get("clientId").asText().equals("sec-zrzyj")).findFirst().orElseThrow();
        assertThat(reads.toString()).contains("records?");
    }

    @Test
    void aRotatedKeyWorksUntilItsOverlapEndsAndARevokedKeyAtOnceNoMore() throws Exception {
        ApiClients clients = hub.getBean(ApiClients.class);
        String old = key("sec-rotating", Role.OPERATOR, null);
        String fresh = clients.rotate("sec-rotating", Duration.ofHours(1), AuditLog.HUB).key();
        assertThat(get("/alerts", old).statusCode()).as("inside the overlap").isEqualTo(200);
        assertThat(get("/alerts", fresh).statusCode()).isEqualTo(200);
        String newest = clients.rotate("sec-rotating", Duration.ZERO, AuditLog.HUB).key();
        assertThat(get("/alerts", fresh).statusCode()).as("no overlap").isEqualTo(401);
        assertThat(get("/alerts", newest).statusCode()).isEqualTo(200);
        clients.revoke("sec-rotating", AuditLog.HUB);
        assertThat(get("/alerts", newest).statusCode()).as("revoked: refused at once").isEqualTo(401);
    }

    @Test
    void anAlteredAuditEntryFailsVerificationNamingIt() throws Exception {
        String admin = key("sec-admin", Role.ADMIN, null);
        assertThat(get("/audit/verify", key("sec-operator3", Role.OPERATOR, null)).statusCode()).isEqualTo(403);
        JsonNode valid = json(get("/audit/verify", admin));
        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        long seq = jdbc.queryForObject("SELECT MIN(seq) FROM hub_audit WHERE action = 'KEY_ISSUED'", Long.class);
        jdbc.update("UPDATE hub_audit SET target = 'someone-else' WHERE seq = ?", seq);
        JsonNode broken = json(get("/audit/verify", admin));
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("badSeq").asLong()).isEqualTo(seq);
        assertThat(broken.get("message").asText()).contains("entry " + seq + " was altered");
    }

    @Test
    void beyondTheRateLimitTheApiAnswers429WithRetryAfter() throws Exception {
        String key = key("sec-busy", Role.OPERATOR, null);
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 25; i++) {
            last = get("/departments", key);
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertThat(ok).isEqualTo(20);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(get("/departments", key("sec-calm", Role.OPERATOR, null)).statusCode())
                .as("other clients are not limited by it").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> big = post("/alerts/1/ack", key("sec-operator4", Role.OPERATOR, null),
                "{\"comment\": \"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
    }

    // --- helpers ------------------------------------------------------------------------------

    private long ingest(String department, String feed, Map<String, Object> row) {
        RowOutcome outcome = hub.getBean(IngestService.class).ingest(new IngestBatch(department, feed,
                List.of(new SourceRow(row, "security test")), null, Instant.now())).rows().get(0);
        assertThat(outcome.status()).as(outcome.violations().toString()).isEqualTo(RowOutcome.Status.STORED);
        return outcome.recordId();
    }

    private List<JsonNode> audit() throws Exception {
        JsonNode page = json(get("/audit?limit=1000", key("sec-auditor", Role.ADMIN, null)));
        List<JsonNode> out = new java.util.ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private String key(String id, Role role, String department) {
        return TestClients.key(hub, id, role, department);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return HubJson.mapper().readTree(response.body());
    }
}
