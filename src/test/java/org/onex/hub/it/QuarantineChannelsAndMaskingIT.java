package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestResult;
import org.onex.hub.ingest.IngestRoutes;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.schema.HubJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12 items 8 and 9 on a county source with Chinese column names: the same broken row (its legal
 * representative's ID number fails the check character) read by the department's database route and from its
 * file drop, twice, is ONE open quarantine entry listing both channels with their sightings; the operator sees
 * the row masked by what the mapping makes of each column, on the REST API and on the console's department page;
 * replay still works once the source is fixed.
 */
class QuarantineChannelsAndMaskingIT {

    private static final String FEED = "county-licences";
    private static final String DB_ROUTE = "scjgj-county-db";
    private static final String FILE_CHANNEL = "sftp:scjgj/" + FEED;
    private static final String REP_NAME = "欧阳建国";
    private static final String BAD_REP_ID = "110105194912310021"; // check character should be X
    private static final String PHONE = "13812345678";

    private static Path work;
    private static ConfigurableApplicationContext hub;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory(Path.of("target"), "hub-quarantine-channels").toAbsolutePath();
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Files.writeString(mappings.resolve("scjgj/" + FEED + ".yaml"), """
                # a county licensing table as its own system names it
                department: scjgj
                feed: county-licences
                category: C2
                recordType: LICENCE
                sourceKey: { column: 许可证编号 }
                fields:
                  subject.name:                        { column: 企业名称, required: true }
                  subject.kind:                        { constant: LEGAL_PERSON }
                  subject.creditCode:                  { column: 统一社会信用代码 }
                  subject.legalRepresentative:         { column: 法定代表人 }
                  subject.legalRepresentativeIdType:   { column: 法定代表人证件类型, codes: certificate-types }
                  subject.legalRepresentativeIdNumber: { column: 法定代表人证件号码 }
                  document.number:                     { column: 许可证编号, required: true }
                  document.decisionDate:               { column: 发证日期, required: true }
                  document.validTo:                    { column: 有效期至 }
                  body.XK_LXDH:                        { column: 联系电话 }
                """);
        Files.createDirectories(work.resolve("routes"));
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--hub.mappings-dir=" + mappings, "--spring.artemis.embedded.persistent=false",
                "--hub.console.operators.ops.password-hash={noop}it-console-password",
                "--hub.console.operators.ops.role=OPERATOR",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
        // the department's database route: a source route that hands its batches to direct:ingest
        CamelContext camel = hub.getBean(CamelContext.class);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:it-county-db").routeId(DB_ROUTE).to(IngestRoutes.INGEST);
            }
        });
        camel.getRouteController().startRoute(DB_ROUTE);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> camel.getRouteController().getRouteStatus(DB_ROUTE).isStarted());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    /** The row as the database driver hands it: typed values. */
    private static Map<String, Object> databaseRow(String licenceNo, String repId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("许可证编号", licenceNo);
        row.put("企业名称", "武义示例食品贸易有限公司");
        row.put("统一社会信用代码", "91330723MA2K7Q3L98");
        row.put("法定代表人", REP_NAME);
        row.put("法定代表人证件类型", "001");
        row.put("法定代表人证件号码", repId);
        row.put("发证日期", java.sql.Date.valueOf(LocalDate.of(2024, 3, 5)));
        row.put("有效期至", "长期");
        row.put("联系电话", PHONE);
        row.put("更新时间", Timestamp.valueOf(LocalDateTime.of(2024, 3, 5, 10, 20, 30)));
        return row;
    }

    /** The same row in the department's CSV export: all text, its own date layout. */
    private static Map<String, Object> fileRow(String licenceNo, String repId) {
        Map<String, Object> row = new LinkedHashMap<>(databaseRow(licenceNo, repId));
        row.put("发证日期", "2024年3月5日");
        row.put("更新时间", "2024/3/5 10:20:30");
        return row;
    }

    private static RowOutcome viaDatabaseRoute(Map<String, Object> row) {
        ProducerTemplate producer = hub.getBean(CamelContext.class).createProducerTemplate();
        IngestResult result = producer.requestBody("direct:it-county-db", new IngestBatch("scjgj", FEED,
                List.of(new SourceRow(row, "县许可库 许可证编号=" + row.get("许可证编号"))), null, Instant.now()),
                IngestResult.class);
        return result.rows().get(0);
    }

    private static RowOutcome viaFile(Map<String, Object> row, String file) {
        return hub.getBean(IngestService.class).ingest(new IngestBatch("scjgj", FEED,
                List.of(new SourceRow(row, file + " line 2")), null, Instant.now(), FILE_CHANNEL)).rows().get(0);
    }

    @Test
    void oneBrokenRowThroughTwoChannelsIsOneOpenEntryListingBoth() throws Exception {
        RowOutcome db = viaDatabaseRoute(databaseRow("JY-CH-1", BAD_REP_ID));
        RowOutcome file = viaFile(fileRow("JY-CH-1", BAD_REP_ID), "许可证导出_20240305.csv");
        RowOutcome resent = viaFile(fileRow("JY-CH-1", BAD_REP_ID), "许可证导出_20240305(1).csv");

        assertThat(List.of(db.status(), file.status(), resent.status())).containsOnly(RowOutcome.Status.QUARANTINED);
        assertThat(db.violations()).extracting(v -> v.field() + ": " + v.rule())
                .containsExactly("subject.legalRepresentativeIdNumber: ID_NUMBER_CHECK");
        assertThat(file.quarantineId()).isEqualTo(db.quarantineId());
        assertThat(resent.quarantineId()).isEqualTo(db.quarantineId());

        String key = TestClients.operator(hub);
        List<JsonNode> open = entries(key, "JY-CH-1", "OPEN");
        assertThat(open).hasSize(1);
        JsonNode entry = open.get(0);
        assertThat(entry.get("timesSeen").asInt()).isEqualTo(3);
        assertThat(entry.get("sourceRef").asText()).isEqualTo("许可证导出_20240305(1).csv line 2");
        assertThat(entry.get("channels").findValuesAsText("channel")).containsExactly(DB_ROUTE, FILE_CHANNEL);
        assertThat(entry.get("channels").findValues("timesSeen")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(entry.get("failures").findValuesAsText("field")).containsExactly("subject.legalRepresentativeIdNumber");
    }

    @Test
    void theOperatorSeesTheChineseColumnsMaskedByTheirMeaningOnTheApi() throws Exception {
        viaDatabaseRoute(databaseRow("JY-MASK-1", BAD_REP_ID));

        JsonNode payload = entries(TestClients.operator(hub), "JY-MASK-1", "OPEN").get(0).get("payload");

        assertThat(payload.get("法定代表人").asText()).isEqualTo("欧***");
        assertThat(payload.get("法定代表人证件号码").asText()).isEqualTo("110105********0021");
        assertThat(payload.get("联系电话").asText()).isEqualTo("138****5678");
        assertThat(payload.get("许可证编号").asText()).isEqualTo("JY-MASK-1");
        assertThat(payload.toString()).doesNotContain(REP_NAME, BAD_REP_ID, PHONE);
    }

    @Test
    void theConsoleDepartmentPageShowsTheRowMaskedWithItsChannels() throws Exception {
        viaDatabaseRoute(databaseRow("JY-CONSOLE-1", BAD_REP_ID));
        viaFile(fileRow("JY-CONSOLE-1", BAD_REP_ID), "许可证导出_20240306.csv");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=it-console-password&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/departments/scjgj"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        int row = html.indexOf("JY-CONSOLE-1");
        assertThat(row).as("the entry is listed").isPositive();
        String entry = html.substring(row, html.indexOf("</tr>", row));
        assertThat(entry).contains("欧***", "110105********0021", "138****5678", DB_ROUTE, FILE_CHANNEL);
        assertThat(html).doesNotContain(REP_NAME, BAD_REP_ID, PHONE);
    }

    @Test
    void replayAfterTheSourceWasFixedStoresTheRowAndResolvesTheOneEntry() throws Exception {
        RowOutcome db = viaDatabaseRoute(databaseRow("JY-FIX-1", BAD_REP_ID));
        viaFile(fileRow("JY-FIX-1", BAD_REP_ID), "许可证导出_20240307.csv");
        // the department corrects the number; its next export brings the row valid and supersedes the entry
        RowOutcome fixed = viaFile(fileRow("JY-FIX-1", "11010519491231002X"), "许可证导出_20240308.csv");

        assertThat(fixed.status()).isEqualTo(RowOutcome.Status.STORED);
        String key = TestClients.operator(hub);
        assertThat(entries(key, "JY-FIX-1", "OPEN")).isEmpty();
        List<JsonNode> resolved = entries(key, "JY-FIX-1", "RESOLVED");
        assertThat(resolved).extracting(e -> e.get("id").asLong()).containsExactly(db.quarantineId());

        // broken again later: a new entry (the resolved one is history), and replay still answers for it
        RowOutcome again = viaDatabaseRoute(databaseRow("JY-FIX-1", BAD_REP_ID));
        assertThat(again.quarantineId()).isNotEqualTo(db.quarantineId());
        JsonNode replay = call(key, HttpRequest.newBuilder(URI.create(base + "/api/v1/quarantine/" + again.quarantineId()
                + "/replay")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replay.get("outcome").asText()).isEqualTo("QUARANTINED");
        JsonNode entry = entries(key, "JY-FIX-1", "OPEN").get(0);
        assertThat(entry.get("channels").findValuesAsText("channel")).containsExactly(DB_ROUTE, "replay");
    }

    @Test
    void identicalBadRowsAreOneEntryFoundByAnIndexedLookup() throws Exception {
        List<SourceRow> rows = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> new SourceRow(fileRow("JY-BULK-1", BAD_REP_ID), "bulk.csv line " + (i + 2))).toList();

        IngestResult result = hub.getBean(IngestService.class).ingest(new IngestBatch("scjgj", FEED, rows, null,
                Instant.now(), FILE_CHANNEL));

        assertThat(result.rows()).extracting(RowOutcome::quarantineId).containsOnly(result.rows().get(0).quarantineId());
        JsonNode entry = entries(TestClients.operator(hub), "JY-BULK-1", "OPEN").get(0);
        assertThat(entry.get("timesSeen").asInt()).isEqualTo(2_000);
        assertThat(entry.get("sourceRef").asText()).isEqualTo("bulk.csv line 2001");
        // issue 13: the lookup of a row's open entry reads the unique index, not the open entries of the feed
        String plan = hub.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "EXPLAIN SELECT id FROM hub_quarantine WHERE open_key = 'scjgj|county-licences|K|JY-BULK-1'",
                String.class);
        assertThat(plan.toLowerCase(java.util.Locale.ROOT)).contains("ux_hub_quarantine_open_key");
    }

    private static List<JsonNode> entries(String key, String sourceKey, String status) throws Exception {
        JsonNode page = call(key, HttpRequest.newBuilder(URI.create(base + "/api/v1/quarantine?department=scjgj&feed="
                + FEED + "&status=" + status + "&limit=500")));
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(e -> e.get("sourceKey").asText().equals(sourceKey)).toList();
    }

    private static JsonNode call(String key, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + key)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubJson.mapper().readTree(response.body());
    }
}
