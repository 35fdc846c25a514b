package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.alert.Alerts;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 3, R-PENALTY-FEEDBACK: no delivery stays QUEUED silently. Against a real HTTP inbox that keeps
 * the first request per Idempotency-Key and answers 409 to a repeat: a delivery whose confirmation a crash lost
 * is sent again and marked DELIVERED on the 409; deliveries whose messages a crash lost are sent again after the
 * restart and received once; a stuck delivery raises DELIVERY_STUCK with a clear text, is listed by the API and
 * the console, and the alert closes once it is delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRecoveryIT {

    private static final String CONSOLE_PASSWORD = "it-console-password";

    private Path work;
    private RestInbox rest;
    private ConfigurableApplicationContext hub;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(2026_13_3);
    private int serial;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-delivery-recovery-it");
        rest = new RestInbox();
        rest.conflictOnRepeat = true;
        Files.createDirectories(work.resolve("config"));
        Files.copy(Path.of("config/departments.yaml"), work.resolve("config/departments.yaml"));
        Files.copy(Path.of("config/sharing-policy.yaml"), work.resolve("config/sharing-policy.yaml"));
        Files.writeString(work.resolve("config/matters.yaml"), "matters:\n  - { code: IT-JTYS, department: jtysj }\n");
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Files.createDirectories(mappings.resolve("zhzf"));
        Files.writeString(mappings.resolve("zhzf/it-decisions.yaml"), "department: zhzf\nfeed: it-decisions\n"
                + "category: C3\nrecordType: PENALTY_DECISION\nsourceSystem: 案件管理系统（测试）\n"
                + "sourceKey: { column: CF_WSH }\nfields:\n"
                + "  subject.name: { column: CF_XDR_MC, required: true }\n"
                + "  subject.kind: { column: CF_XDR_LB, codes: subject-kinds, default: \"02\" }\n"
                + "  subject.creditCode: { column: CF_XDR_SHXYM }\n"
                + "  document.number: { column: CF_WSH, required: true }\n"
                + "  document.decisionDate: { column: CF_JDRQ, required: true }\n"
                + "  document.matterCode: { column: SXBM }\n");
        Files.createDirectories(work.resolve("routes"));
        Files.writeString(work.resolve("routes/jtysj.camel.yaml"), "- templatedRoute:\n"
                + "    routeTemplateRef: delivery-rest\n    routeId: jtysj-deliveries\n    parameters:\n"
                + "      - { name: department, value: jtysj }\n      - { name: url, value: \"" + rest.url() + "\" }\n"
                + "      - { name: retryDelay, value: 100ms }\n      - { name: maxRetryDelay, value: 400ms }\n");
        hub = startHub();
    }

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--hub.config-dir=" + work.resolve("config"), "--hub.mappings-dir=" + work.resolve("mappings"),
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.delivery.dispatch-period=100", "--hub.delivery.batch-size=2",
                // issue 13: the thresholds under test, short; the channel retries every 400 ms at most
                "--hub.delivery.stuck-after=3s", "--hub.delivery.redispatch-after=1s",
                "--hub.delivery.sweep-period=300ms", "--camel.main.shutdown-timeout=2",
                "--hub.console.operators.ops.password-hash={noop}" + CONSOLE_PASSWORD,
                "--hub.console.operators.ops.role=OPERATOR");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        rest.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void aDeliveryWhoseConfirmationACrashLostIsSentAgainAndMarkedDeliveredOnTheDepartments409() {
        Map<String, Object> decision = decision();
        ingest(decision);
        Delivery first = awaitDelivered(decision);

        // the department has it, the store lost the confirmation and the message is consumed: QUEUED, no message
        jdbc().update("UPDATE hub_delivery SET status = 'QUEUED', delivered_at = NULL WHERE id = ?", first.id());

        Delivery again = awaitDelivered(decision);
        assertThat(again.deliveredAt()).isAfter(first.deliveredAt());
        assertThat(rest.requests.stream().filter(r -> r.key().equals(first.key())).map(RestInbox.Request::status))
                .as("sent again, answered 409 already received").containsExactly(201, 409);
        assertThat(received(decision)).isEqualTo(1);
    }

    @Test
    void deliveriesACrashLeftQueuedAreSentAgainAfterTheRestartAndReceivedExactlyOnce() {
        Map<String, Object> confirmedLost = decision();
        ingest(confirmedLost);
        Delivery confirmed = awaitDelivered(confirmedLost);
        List<Map<String, Object>> messagesLost = List.of(decision(), decision(), decision());
        rest.stop(); // the department is down: the channel retries the first batch, the rest wait on the queue
        try {
            ingest(messagesLost.toArray(Map[]::new));
            await().atMost(Duration.ofSeconds(30)).until(() -> messagesLost.stream().map(this::delivery)
                    .allMatch(d -> d != null && d.status().equals(Delivery.QUEUED)));
            hub.close();
            hub = null;
        } finally {
            if (hub == null) {
                // what kill -9 can leave behind: the queued messages gone from the broker (an unsynced journal),
                // a confirmation gone from the store; every delivery concerned says QUEUED
                FileSystemUtils.deleteRecursively(work.resolve("data/artemis").toFile());
                storeFile().update("UPDATE hub_delivery SET status = 'QUEUED', delivered_at = NULL WHERE id = ?",
                        confirmed.id());
            }
            rest.start();
            if (hub == null) {
                hub = startHub();
            }
        }

        awaitDelivered(confirmedLost);
        for (Map<String, Object> d : messagesLost) {
            awaitDelivered(d);
        }
        assertThat(rest.requests.stream().filter(r -> r.key().equals(confirmed.key())).map(RestInbox.Request::status))
                .containsExactly(201, 409);
        for (Map<String, Object> d : messagesLost) {
            assertThat(received(d)).as("%s received", d.get("CF_WSH")).isEqualTo(1);
            assertThat(rest.requests.stream().filter(r -> r.key().equals(delivery(d).key())))
                    .as("one request once the department is back").hasSize(1);
        }
        assertThat(hub.getBean(DeliveryStore.class).countStuck(Duration.ofSeconds(3), Instant.now())).isZero();
    }

    @Test
    void aStuckDeliveryRaisesAnAlertIsListedByTheApiAndTheConsoleAndTheAlertClosesOnceDelivered() throws Exception {
        Map<String, Object> decision = decision();
        rest.stop();
        Delivery stuck;
        Alert alert;
        try {
            ingest(decision);
            stuck = await().atMost(Duration.ofSeconds(10)).until(() -> delivery(decision), d -> d != null);
            alert = await().atMost(Duration.ofSeconds(30)).until(this::openStuckAlert,
                    a -> a != null && a.messageEn() != null && a.messageEn().contains("delivery #" + stuck.id()));
            assertThat(alert.ruleId()).isEqualTo("R-PENALTY-FEEDBACK");
            assertThat(alert.severity()).isEqualTo("ERROR");
            assertThat(alert.subject()).isEqualTo("deliveries to jtysj");
            assertThat(alert.messageEn()).contains("1 decision(s) to jtysj not delivered after 3s",
                    "record " + stuck.recordId() + " v1", "QUEUED since", "GET /api/v1/deliveries?stuck=true");
            assertThat(alert.message()).contains("送达 jtysj 已超过 3 秒仍未完成", "送达 #" + stuck.id());
            assertThat(hub.getBean(DeliveryStore.class).countStuck(Duration.ofSeconds(3), Instant.now()))
                    .isEqualTo(1);

            JsonNode api = HubJson.mapper().readTree(get("/api/v1/deliveries?stuck=true"));
            assertThat(api.path("items")).hasSize(1);
            assertThat(api.at("/items/0/id").asLong()).isEqualTo(stuck.id());
            assertThat(api.at("/items/0/stuck").asBoolean()).isTrue();
            assertThat(api.at("/items/0/status").asText()).isEqualTo(Delivery.QUEUED);
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/prometheus"),
                    m -> Pattern.compile("hub_deliveries_stuck\\{[^}]*department=\"jtysj\"[^}]*} 1\\.0").matcher(m)
                            .find());

            HttpClient browser = login();
            for (String page : List.of("/console/deliveries?stuck=true", "/console/deliveries")) {
                HttpResponse<String> html = browser.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(html.statusCode()).as(page).isEqualTo(200); // 全部 answered 500 before (issue 17)
                String body = html.body();
                int row = body.indexOf("data-delivery=\"" + stuck.id() + "\"");
                assertThat(row).as(page + " lists the delivery").isPositive();
                assertThat(body.substring(row, body.indexOf("</tr>", row))).as(page).contains("status stuck");
            }
        } finally {
            rest.start();
        }

        awaitDelivered(decision);
        Alert closed = await().atMost(Duration.ofSeconds(10)).until(
                () -> hub.getBean(AlertStore.class).find(alert.id()).orElseThrow(),
                a -> a.status().equals(Alert.ACKNOWLEDGED));
        assertThat(closed.acknowledgedBy()).isEqualTo(Alerts.BY_HUB);
        assertThat(closed.ackComment()).contains("no delivery to jtysj is stuck any more");
        assertThat(openStuckAlert()).isNull();
        assertThat(received(decision)).isEqualTo(1);
        assertThat(HubJson.mapper().readTree(get("/api/v1/deliveries?stuck=true")).path("items")).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------

    private Alert openStuckAlert() {
        return hub.getBean(AlertStore.class).list(Alert.OPEN, "jtysj", Alerts.DELIVERY_STUCK, null, 10).stream()
                .findFirst().orElse(null);
    }

    private Map<String, Object> decision() {
        int n = ++serial;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CF_WSH", "武综执罚决字〔2026〕第" + (3000 + n) + "号-" + System.nanoTime() % 100000);
        row.put("CF_XDR_MC", SyntheticData.companyName(random));
        row.put("CF_XDR_SHXYM", SyntheticData.creditCode(random));
        row.put("CF_JDRQ", "2026-11-" + (10 + n % 15));
        row.put("SXBM", "IT-JTYS");
        return row;
    }

    @SafeVarargs
    private void ingest(Map<String, Object>... rows) {
        List<SourceRow> list = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            list.add(new SourceRow(new LinkedHashMap<>(r), "test"));
        }
        hub.getBean(IngestService.class).ingest(new IngestBatch("zhzf", "it-decisions", list, null, Instant.now()));
    }

    /** How many times the department's inbox has taken the decision in. */
    private long received(Map<String, Object> decision) {
        synchronized (rest.accepted) {
            return rest.accepted.values().stream().filter(b -> b.contains((String) decision.get("CF_WSH"))).count();
        }
    }

    private JdbcTemplate jdbc() {
        return hub.getBean(JdbcTemplate.class);
    }

    /** The hub store's H2 file, opened while the hub is down. */
    private JdbcTemplate storeFile() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("data/hub-store")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""));
    }

    private Delivery delivery(Map<String, Object> decision) {
        List<Long> ids = jdbc().queryForList("SELECT id FROM hub_record WHERE department = 'zhzf' AND source_key = ?",
                Long.class, decision.get("CF_WSH"));
        return ids.isEmpty() ? null : hub.getBean(DeliveryStore.class).list(null, null, ids.get(0), null, 10).stream()
                .findFirst().orElse(null);
    }

    private Delivery awaitDelivered(Map<String, Object> decision) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> delivery(decision),
                d -> d != null && d.status().equals(Delivery.DELIVERED));
    }

    private String base() {
        return "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + TestClients.operator(hub)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpClient login() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=" + CONSOLE_PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }
}
