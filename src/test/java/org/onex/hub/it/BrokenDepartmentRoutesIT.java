package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.ops.RouteStatuses;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12, items 6 and 7: one hub (PostgreSQL store, free ports) started with broken routes among good ones, the
 * way a county IT engineer's first wiring goes wrong. A jdbc-source naming a data source nobody defined, a
 * batchSize written in Chinese, a feed without a mapping, a table the department has not created yet, an SFTP
 * server that is not there, a database behind a closed port: the good routes ingest, every broken one shows its
 * department DOWN (or DEGRADED) naming the route and, where the cause is in a file, {@code file:line: key:
 * reason}; alerts are raised; readiness stays UP; fixing the cause lets the route start without a restart.
 * The hub is the channel of every department (R-CHANNEL): one department's wiring must never hold back another's
 * notices (R-APPROVAL-NOTICE).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenDepartmentRoutesIT {

    private Path work;
    private Path routes;
    private EmbeddedSftpServer sftp;
    private ConfigurableApplicationContext hub;
    private LicenceSource good;
    private String lateUrl;
    private int closedPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "hub-broken-routes-it").toAbsolutePath();
        routes = Files.createDirectories(work.resolve("routes"));
        String storeUrl = TestDatabases.freshPostgres("hub_brk_store");
        String goodUrl = TestDatabases.freshPostgres("hub_brk_scjgj");
        lateUrl = TestDatabases.freshPostgres("hub_brk_late"); // the department has not created its table yet
        good = LicenceSource.postgres(goodUrl);
        closedPort = TestDatabases.freePort();
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("sthjj", "pw"));
        Files.createDirectories(sftp.home("sthjj").resolve("drop"));

        // 市场监管局: a working database route, and one whose table does not exist yet
        Files.writeString(routes.resolve("scjgj.camel.yaml"), jdbc("scjgj-licences", "scjgj", "licences", "good-src",
                Map.of()) + jdbc("scjgj-licences-late", "scjgj", "licences", "late-src", Map.of()));
        // 自然资源和规划局: a data source nobody defined; a batch size written in words
        Files.writeString(routes.resolve("zrzyj.camel.yaml"), jdbc("zrzyj-approvals", "zrzyj", "approvals",
                "zrzyj-nowhere", Map.of()) + jdbc("zrzyj-approvals-batch", "zrzyj", "approvals", "good-src",
                        Map.of("batchSize", "五百", "initialDelay", "1h")));
        // 交通运输局: a file feed without a mapping (mappings/jtysj/permits.yaml does not exist)
        Files.writeString(routes.resolve("jtysj.camel.yaml"), sftpRoute("jtysj-permits", "jtysj", "permits",
                sftp.port()));
        // 生态环境局: its SFTP drop works, its database route of the same feed is behind a closed port (item 7)
        Files.writeString(routes.resolve("sthjj.camel.yaml"), sftpRoute("sthjj-licences-sftp", "sthjj", "licences",
                sftp.port()) + jdbc("sthjj-licences-db", "sthjj", "licences", "sthjj-db", Map.of()));
        // 水务局: a route id copied from another department's file
        Files.writeString(routes.resolve("swj.camel.yaml"), jdbc("scjgj-licences", "swj", "licences", "good-src",
                Map.of()));
        // the bureau: a file drop on a server that is not there
        Files.writeString(routes.resolve("zhzf.camel.yaml"), sftpRoute("zhzf-penalties-sftp", "zhzf", "penalties",
                closedPort));

        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--spring.datasource.url=" + storeUrl, "--spring.datasource.username=postgres",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + routes,
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.routes.restart-delay=300", "--hub.routes.restart-max-delay=1000",
                "--hub.datasources.good-src.url=" + goodUrl, "--hub.datasources.good-src.username=postgres",
                "--hub.datasources.late-src.url=" + lateUrl, "--hub.datasources.late-src.username=postgres",
                "--hub.datasources.sthjj-db.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/sthjj",
                "--hub.datasources.sthjj-db.username=postgres");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (sftp != null) {
            sftp.close();
        }
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    // --- item 6: one department never stops the hub -------------------------------------------------

    @Test
    void theGoodRouteIngestsWhileOthersAreBroken() {
        good.insert(1, "市监食许〔2024〕001号", good.validCreditCode(), LicenceSource.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("scjgj", "市监食许〔2024〕001号") == 1);
        assertThat(readiness()).isEqualTo("UP");
    }

    @Test
    void anUndefinedDataSourceShowsItsDepartmentDownWithFileLineAndParameter() throws IOException {
        JsonNode zrzyj = await().atMost(Duration.ofSeconds(20)).until(() -> departments().path("zrzyj"),
                d -> d.path("routes").has("zrzyj-approvals"));
        assertThat(zrzyj.path("status").asText()).isEqualTo("DOWN");
        String expected = "routes/zrzyj.camel.yaml:" + line("zrzyj.camel.yaml", "zrzyj-nowhere")
                + ": [0].templatedRoute.parameters[2].value: data source 'zrzyj-nowhere' is not defined";
        assertThat(zrzyj.at("/routes/zrzyj-approvals/lastError").asText()).contains(expected)
                .contains("known: [").contains("good-src");
        assertThat(zrzyj.at("/routes/zrzyj-approvals/notStarted").asBoolean()).isTrue();
        assertThat(zrzyj.path("reason").asText()).startsWith("zrzyj-approvals").doesNotContain("Exception");

        Alert alert = await().atMost(Duration.ofSeconds(10)).until(() -> alert("zrzyj", "ROUTE_START_FAILED",
                "zrzyj-approvals"), a -> a != null);
        assertThat(alert.message()).contains(expected).contains("tried again in");
        // retried with back-off: the same alert counts up
        await().atMost(Duration.ofSeconds(20)).until(() -> alert("zrzyj", "ROUTE_START_FAILED", "zrzyj-approvals")
                .timesSeen() >= 3);
        // the console's routes page lists it although Camel has no such route
        RouteStatuses.RouteStatus listed = hub.getBean(RouteStatuses.class).all().stream()
                .filter(r -> r.id().equals("zrzyj-approvals")).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(RouteStatuses.NOT_STARTED);
        assertThat(listed.lastError()).contains(expected);
        assertThat(readiness()).isEqualTo("UP");
    }

    @Test
    void aFeedWithoutAMappingNamesTheFeedParameter() throws IOException {
        JsonNode jtysj = await().atMost(Duration.ofSeconds(20)).until(() -> departments().path("jtysj"),
                d -> d.path("routes").has("jtysj-permits"));
        assertThat(jtysj.path("status").asText()).isEqualTo("DOWN");
        assertThat(jtysj.at("/routes/jtysj-permits/lastError").asText()).contains("routes/jtysj.camel.yaml:"
                + line("jtysj.camel.yaml", "value: permits") + ": [0].templatedRoute.parameters[1].value: no mapping"
                + " for department 'jtysj' feed 'permits' (mappings/jtysj/permits.yaml)");
    }

    @Test
    void aBatchSizeInWordsIsReportedAndStartsOnceTheFileIsFixed() throws IOException {
        String expected = "routes/zrzyj.camel.yaml:" + line("zrzyj.camel.yaml", "五百")
                + ": [1].templatedRoute.parameters[6].value: parameter batchSize '五百' is not a whole number";
        JsonNode route = await().atMost(Duration.ofSeconds(20)).until(() -> departments()
                .at("/zrzyj/routes/zrzyj-approvals-batch"), r -> !r.isMissingNode());
        assertThat(route.path("lastError").asText()).contains(expected);
        CamelContext camel = hub.getBean(CamelContext.class);
        assertThat(camel.getRoute("zrzyj-approvals-batch")).isNull();

        // the engineer corrects the file; the next retry reads it again and the route starts, no restart
        Path file = routes.resolve("zrzyj.camel.yaml");
        Files.writeString(file, Files.readString(file).replace("五百", "500"));
        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRouteController()
                .getRouteStatus("zrzyj-approvals-batch") == ServiceStatus.Started);
        await().atMost(Duration.ofSeconds(5)).until(() -> !departments()
                .at("/zrzyj/routes/zrzyj-approvals-batch/notStarted").asBoolean());
        // the other broken route of the department is still retried and still DOWN
        assertThat(departments().at("/zrzyj/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void aRouteIdUsedTwiceNeverReplacesTheRunningRoute() throws IOException {
        JsonNode swj = await().atMost(Duration.ofSeconds(20)).until(() -> departments().path("swj"),
                d -> d.path("routes").size() > 0);
        assertThat(swj.path("status").asText()).isEqualTo("DOWN");
        assertThat(swj.path("reason").asText()).contains("routes/swj.camel.yaml:" + line("swj.camel.yaml",
                "routeId: scjgj-licences") + ": [0].templatedRoute.routeId: routeId 'scjgj-licences' is already used by"
                + " the entry at ").contains("routes/scjgj.camel.yaml#0");
        // the route of 市场监管局 runs on, with its own health
        assertThat(hub.getBean(CamelContext.class).getRouteController().getRouteStatus("scjgj-licences"))
                .isEqualTo(ServiceStatus.Started);
        assertThat(departments().at("/scjgj/routes/scjgj-licences/feed").asText()).isEqualTo("licences");
    }

    @Test
    void aTableCreatedLaterIsReadWithoutARestart() {
        JsonNode late = await().atMost(Duration.ofSeconds(30)).until(() -> departments()
                .at("/scjgj/routes/scjgj-licences-late"), r -> !"UP".equals(r.path("status").asText())
                        && !r.isMissingNode());
        assertThat(late.path("lastError").asText()).containsIgnoringCase("xk_licence");

        LicenceSource created = LicenceSource.postgres(lateUrl);
        created.insert(2, "市监食许〔2024〕077号", created.validCreditCode(), LicenceSource.now());
        await().atMost(Duration.ofSeconds(40)).until(() -> stored("scjgj", "市监食许〔2024〕077号") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> departments()
                .at("/scjgj/routes/scjgj-licences-late/status").asText(), "UP"::equals);
    }

    @Test
    void anUnreachableSftpServerIsDownWithAnAlertWhileTheHubStaysReady() {
        JsonNode zhzf = await().atMost(Duration.ofSeconds(60)).until(() -> departments().path("zhzf"),
                d -> "DOWN".equals(d.path("status").asText()));
        assertThat(zhzf.path("route").asText()).isEqualTo("zhzf-penalties-sftp");
        assertThat(zhzf.at("/routes/zhzf-penalties-sftp/lastError").asText())
                .contains("cannot poll sftp://127.0.0.1:" + closedPort);
        Alert alert = await().atMost(Duration.ofSeconds(10)).until(() -> alert("zhzf", "SOURCE_UNREACHABLE",
                "zhzf-penalties-sftp"), a -> a != null);
        assertThat(alert.message()).contains("zhzf-penalties-sftp").contains("sftp://127.0.0.1:" + closedPort);
        assertThat(readiness()).isEqualTo("UP");
    }

    // --- item 7: health per route ------------------------------------------------------------------

    @Test
    void aFailingDatabaseRouteIsNotResetByTheSucceedingSftpRouteOfTheSameFeed() {
        JsonNode sthjj = await().atMost(Duration.ofSeconds(90)).until(() -> departments().path("sthjj"),
                d -> "DOWN".equals(d.path("status").asText()));
        assertThat(sthjj.path("route").asText()).isEqualTo("sthjj-licences-db");
        assertThat(sthjj.path("reason").asText()).startsWith("sthjj-licences-db: ");
        JsonNode sftpRoute = sthjj.at("/routes/sthjj-licences-sftp");
        assertThat(sftpRoute.path("status").asText()).isEqualTo("UP");
        assertThat(sftpRoute.path("lastSuccess").isNull()).isFalse();
        assertThat(sthjj.at("/routes/sthjj-licences-db/feed").asText()).isEqualTo("licences");
        // the feed, summed up, is that of its worst route
        assertThat(sthjj.at("/feeds/licences/status").asText()).isEqualTo("DOWN");
        assertThat(sthjj.at("/feeds/licences/route").asText()).isEqualTo("sthjj-licences-db");

        int failures = sthjj.at("/routes/sthjj-licences-db/failuresInARow").asInt();
        assertThat(failures).isGreaterThanOrEqualTo(3);
        // the SFTP route keeps polling successfully; the database route's count goes on, never reset
        await().atMost(Duration.ofSeconds(30)).until(() -> departments()
                .at("/sthjj/routes/sthjj-licences-db/failuresInARow").asInt() > failures);
        assertThat(departments().at("/sthjj/routes/sthjj-licences-sftp/failuresInARow").asInt()).isZero();

        Alert alert = await().atMost(Duration.ofSeconds(10)).until(() -> alert("sthjj", "SOURCE_UNREACHABLE",
                "sthjj-licences-db"), a -> a != null);
        assertThat(alert.feed()).isEqualTo("licences");
        assertThat(alert.message()).contains("route sthjj-licences-db failed");
        assertThat(alert("sthjj", "SOURCE_UNREACHABLE", "sthjj-licences-sftp")).isNull();
        assertThat(readiness()).isEqualTo("UP");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static String jdbc(String routeId, String department, String feed, String dataSource,
            Map<String, String> extra) {
        StringBuilder p = new StringBuilder();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("department", department);
        params.put("feed", feed);
        params.put("dataSource", dataSource);
        params.put("table", "xk_licence");
        params.put("cursorTime", "UPDATED_AT");
        params.put("cursorKey", "ID");
        params.put("batchSize", "100");
        params.put("pollInterval", "300ms");
        params.put("initialDelay", "100ms");
        params.put("commitDelay", "0s");
        params.putAll(extra);
        params.forEach((k, v) -> p.append("      - { name: ").append(k).append(", value: \"").append(v)
                .append("\" }\n"));
        return "- templatedRoute:\n    routeTemplateRef: jdbc-source\n    routeId: " + routeId + "\n    parameters:\n" + p;
    }

    private static String sftpRoute(String routeId, String department, String feed, int port) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: " + routeId + "\n    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: " + feed + " }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"" + port + "\" }\n"
                + "      - { name: username, value: sthjj }\n"
                + "      - { name: password, value: pw }\n"
                + "      - { name: directory, value: drop }\n"
                + "      - { name: format, value: csv }\n"
                + "      - { name: encoding, value: GB18030 }\n"
                + "      - { name: stableFor, value: 300ms }\n"
                + "      - { name: pollInterval, value: 300ms }\n"
                + "      - { name: initialDelay, value: 100ms }\n";
    }

    /** 1-based line of the first line of a route file containing {@code text}. */
    private int line(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(routes.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private String operatorKey;

    private String operatorKey() {
        if (operatorKey == null) {
            operatorKey = TestClients.operator(hub);
        }
        return operatorKey;
    }

    private JsonNode departments() {
        return get("/actuator/health/departments").path("details");
    }

    private String readiness() {
        return get("/actuator/health/readiness").path("status").asText();
    }

    private JsonNode get(String path) {
        try {
            String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
            // issue 13 item 6: the departments' details need an operator's key
            return HubJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + operatorKey()).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Alert alert(String department, String kind, String subject) {
        return hub.getBean(AlertStore.class).list("OPEN", department, kind, null, 50).stream()
                .filter(a -> subject.equals(a.subject())).findFirst().orElse(null);
    }

    private long stored(String department, String documentNumber) {
        return hub.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM hub_record WHERE department = ?"
                + " AND document_number = ?", Long.class, department, documentNumber);
    }
}
