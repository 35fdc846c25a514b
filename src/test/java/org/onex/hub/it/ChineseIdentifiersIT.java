package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12 item 1: a department table whose table, schema and column names are Chinese (one with a space) is read
 * by the jdbc-source template from real PostgreSQL and MariaDB, its rows stored in the hub and served; a route naming
 * a column the table does not have fails its start with the route file, line, parameter and the table's columns,
 * while the other routes of the department run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ChineseIdentifiersIT {

    private static final Random RANDOM = new Random(12);
    static ChineseLicenceTable pg;
    static ChineseLicenceTable maria;
    static Path routes;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate store;
    @Autowired
    CamelContext camel;
    @Autowired
    ApplicationContext hub;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String pgUrl = TestDatabases.freshPostgres("dept_it_cn_pg");
        String mariaUrl = TestDatabases.freshMariaDb("dept_it_cn_maria");
        pg = ChineseLicenceTable.postgres(pgUrl);
        maria = ChineseLicenceTable.mariaDb(mariaUrl);
        String storeUrl = TestDatabases.freshPostgres("hub_it_cn");
        int brokerPort = TestDatabases.freePort();
        routes = Files.createTempDirectory(Path.of("target"), "hub-it-cn-routes").toAbsolutePath();
        Files.writeString(routes.resolve("scjgj.camel.yaml"), """
                # 市场监管局, county deployment: the licensing system names tables and columns in Chinese.
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-licences-pg
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: licences-pg }
                      - { name: dataSource, value: it-pg }
                      - { name: table, value: 许可库.许可信息 }
                      - { name: cursorTime, value: 更新时间 }
                      - { name: cursorKey, value: 许可编号 }
                      - { name: pollInterval, value: 250ms }
                      - { name: initialDelay, value: 100ms }
                      - { name: commitDelay, value: 500ms }
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-licences-mariadb
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: licences-mariadb }
                      - { name: dataSource, value: it-maria }
                      - { name: table, value: 许可信息 }
                      - { name: cursorTime, value: 更新时间 }
                      - { name: cursorKey, value: 许可编号 }
                      - { name: pollInterval, value: 250ms }
                      - { name: initialDelay, value: 100ms }
                      - { name: commitDelay, value: 500ms }
                - templatedRoute:
                    routeTemplateRef: jdbc-source
                    routeId: scjgj-licences-broken
                    parameters:
                      - { name: department, value: scjgj }
                      - { name: feed, value: licences-broken }
                      - { name: dataSource, value: it-maria }
                      - { name: table, value: 许可信息 }
                      - { name: cursorTime, value: 更新时间x }
                      - { name: cursorKey, value: 许可编号 }
                """);
        Path mappings = copyOfProjectMappings();
        for (String feed : List.of("licences-pg", "licences-mariadb", "licences-broken")) {
            Files.writeString(mappings.resolve("scjgj").resolve(feed + ".yaml"),
                    ChineseLicenceTable.MAPPING.formatted(feed));
        }
        registry.add("spring.datasource.url", () -> storeUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.routes-dir", routes::toString);
        registry.add("hub.mappings-dir", mappings::toString);
        registry.add("hub.data-dir", () -> routes.resolve("data").toString());
        registry.add("spring.artemis.embedded.persistent", () -> "false");
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE,AMQP");
        registry.add("hub.routes.restart-delay", () -> "60000"); // one failed start is enough to look at
        registry.add("hub.datasources.it-pg.url", () -> pgUrl);
        registry.add("hub.datasources.it-pg.username", () -> "postgres");
        registry.add("hub.datasources.it-maria.url", () -> mariaUrl);
        registry.add("hub.datasources.it-maria.username", () -> "root");
    }

    private static Path copyOfProjectMappings() throws IOException {
        Path to = Files.createTempDirectory(Path.of("target"), "hub-it-cn-mappings").toAbsolutePath();
        Path from = Path.of("mappings");
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    @BeforeEach
    void authorize() {
        TestClients.authorize(rest, TestClients.operator(hub));
    }

    @Test
    void rowsOfChineseNamedTablesReachTheHubFromPostgresAndMariaDb() {
        var now = LicenceSource.now();
        pg.insert("武市监食许〔2024〕101号", "武义县壶山街道甲食品店", creditCode(), "1",
                now.minusSeconds(3));
        pg.insert("武市监食许〔2024〕102号", "武义县白洋街道乙超市", creditCode(), "2",
                now.minusSeconds(2));
        maria.insert("武市监食许〔2024〕201号", "武义县熟溪街道丙商行", creditCode(), "1",
                now.minusSeconds(2));

        JsonNode valid = record("licences-pg", "武市监食许〔2024〕101号");
        JsonNode revoked = record("licences-pg", "武市监食许〔2024〕102号");
        JsonNode fromMaria = record("licences-mariadb", "武市监食许〔2024〕201号");

        assertThat(valid.at("/record/status").asText()).isEqualTo("VALID");
        assertThat(revoked.at("/record/status").asText()).isEqualTo("REVOKED");
        // the column with a space in its name, read through the quoted identifier
        assertThat(valid.at("/record/body/XK_NR").asText()).isEqualTo("预包装食品销售");
        assertThat(fromMaria.at("/record/body/XK_NR").asText()).isEqualTo("预包装食品销售");
        assertThat(fromMaria.toString()).contains("武义县熟溪街道丙商行");
        // the cursor was read back from the rows by the real column names: it stands on the last row's key
        assertThat(cursor("licences-pg").get("key").asText()).isEqualTo("武市监食许〔2024〕102号");
        assertThat(cursor("licences-mariadb").get("key").asText()).isEqualTo("武市监食许〔2024〕201号");
    }

    @Test
    void aColumnTheTableDoesNotHaveFailsOnlyThatRoutesStartNamingFileParameterAndColumns(CapturedOutput output)
            throws IOException {
        Path file = routes.resolve("scjgj.camel.yaml");
        List<String> lines = Files.readAllLines(file);
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("更新时间x")).findFirst().orElseThrow()) + 1;

        String reason = file + ":" + line + ": parameter cursorTime: column '更新时间x' is not in table '许可信息'"
                + " (columns: 许可编号, 行政相对人名称, 行政相对人类别, 统一社会信用代码, 法定代表人, 许可决定书名称, 许可类别,"
                + " 许可内容 说明, 许可决定日期, 有效期自, 有效期至, 许可机关, 当前状态, 更新时间)";

        // Camel keeps no reason for a supervised route's first failed start: start it again, as an operator's
        // resume does, and read the reason where an operator does (the log; the supervisor, when it keeps one)
        try {
            camel.getRouteController().startRoute("scjgj-licences-broken");
        } catch (Exception e) {
            assertThat(rootMessage(e)).isEqualTo(reason);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(
                "scjgj-licences-broken cannot start: " + reason));
        Throwable kept = camel.getRouteController().supervising().getRestartException("scjgj-licences-broken");
        if (kept != null) {
            assertThat(rootMessage(kept)).isEqualTo(reason);
        }
        assertThat(camel.getRouteController().getRouteStatus("scjgj-licences-broken")).isNotEqualTo(
                ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("scjgj-licences-mariadb")).isEqualTo(
                ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("scjgj-licences-pg")).isEqualTo(ServiceStatus.Started);
    }

    private static String creditCode() {
        return SyntheticData.creditCode(RANDOM);
    }

    private static String rootMessage(Throwable t) {
        Throwable at = t;
        while (at.getCause() != null && !(at instanceof IllegalStateException
                && String.valueOf(at.getMessage()).contains("parameter"))) {
            at = at.getCause();
        }
        return at.getMessage();
    }

    private JsonNode record(String feed, String number) {
        long id = await().atMost(Duration.ofSeconds(20)).until(() -> store.queryForList(
                "SELECT id FROM hub_record WHERE department = 'scjgj' AND feed = ? AND source_key = ?", Long.class,
                feed, number), ids -> ids.size() == 1).get(0);
        return rest.getForObject("/api/v1/records/" + id, JsonNode.class);
    }

    private JsonNode cursor(String feed) {
        try {
            return HubJson.mapper().readTree(store.queryForObject(
                    "SELECT cursor_json FROM hub_watermark WHERE department = 'scjgj' AND feed = ?", String.class, feed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
