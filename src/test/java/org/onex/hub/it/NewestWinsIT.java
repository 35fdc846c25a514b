package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.demo.LicenceFiles;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 12 item 4, newest source time wins across channels, on real servers: a department database in
 * PostgreSQL read by jdbc-source and the same table exported as CSV files to an SFTP drop (in-process MINA
 * SSHD) read by sftp-source, both feeding scjgj/licences into a PostgreSQL hub store; and a file-only feed
 * (sthjj, no row time mapped) judged by the files' modification times. The defect this guards against: a
 * file drop older than the database state turned a licence revoked (注销) in the database back to VALID on
 * the feed, and did so again with every drop (R-CATEGORIES: the bureau acts on the licence's status).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewestWinsIT {

    private static final String PASSWORD = "drop-pw";
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Path work;
    private EmbeddedSftpServer sftp;
    private ConfigurableApplicationContext hub;
    private LicenceSource source;
    private JdbcTemplate department;
    private String base;
    private String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "hub-newest-wins-it").toAbsolutePath();
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("scjgj", PASSWORD, "sthjj", PASSWORD));
        String sourceUrl = TestDatabases.freshPostgres("dept_newest");
        source = LicenceSource.postgres(sourceUrl);
        department = new JdbcTemplate(new SingleConnectionDataSource(sourceUrl, "postgres", "", true));
        String storeUrl = TestDatabases.freshPostgres("hub_newest");
        Path routes = TestRoutes.licenceRoute(Map.of("lookback", "10m", "sweepEvery", "1s"));
        Files.writeString(routes.resolve("files.camel.yaml"), fileRoute("scjgj", "scjgj-licence-files")
                + fileRoute("sthjj", "sthjj-licence-files"));
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--spring.datasource.url=" + storeUrl, "--spring.datasource.username=postgres",
                "--hub.datasources.it-src.url=" + sourceUrl, "--hub.datasources.it-src.username=postgres",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + routes,
                "--spring.artemis.embedded.persistent=false", "--test.sftp.port=" + sftp.port(),
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
        key = TestClients.operator(hub);
    }

    private static String fileRoute(String department, String routeId) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: " + routeId + "\n"
                + "    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: licences }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"{{test.sftp.port}}\" }\n"
                + "      - { name: username, value: " + department + " }\n"
                + "      - { name: password, value: " + PASSWORD + " }\n"
                + "      - { name: directory, value: export }\n"
                + "      - { name: filePattern, value: \"*.csv\" }\n"
                + "      - { name: format, value: csv }\n"
                + "      - { name: encoding, value: GB18030 }\n"
                + "      - { name: stableFor, value: 600ms }\n"
                + "      - { name: pollInterval, value: 200ms }\n"
                + "      - { name: initialDelay, value: 100ms }\n";
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        sftp.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void olderFileNeverRevertsARevocationInTheDatabaseAndANewerFileDoes() throws Exception {
        LocalDateTime t1 = LicenceSource.now().minusHours(3).withNano(0);
        LocalDateTime t2 = t1.plusHours(1);
        LocalDateTime t3 = t2.plusHours(1);
        // the department's system: two licences granted at T1, both revoked (注销) at T2
        source.insert(9001, "市监许〔2026〕9001号", source.validCreditCode(), t1);
        source.insert(9002, "市监许〔2026〕9002号", source.validCreditCode(), t1);
        Map<String, Object> grantedA = row(9001);
        Map<String, Object> grantedB = row(9002);
        long a = awaitRecord("scjgj", "市监许〔2026〕9001号");
        long b = awaitRecord("scjgj", "市监许〔2026〕9002号");
        source.revoke(9001, t2);
        source.revoke(9002, t2);
        await().atMost(Duration.ofSeconds(20)).until(() -> currentVersion(a) == 2 && currentVersion(b) == 2);
        assertThat(status(a)).isEqualTo("REVOKED");
        double supersededBefore = supersededCount("scjgj");

        // an export made at T1 arrives after: A exactly as it was then, B as it was even earlier
        Map<String, Object> staleB = new LinkedHashMap<>(grantedB);
        staleB.put("XK_NR", "准予食品经营许可（首次申请稿）");
        staleB.put("UPDATED_AT", Timestamp.valueOf(t1.minusMinutes(30)));
        drop("scjgj", "许可导出-早.csv", List.of(grantedA, staleB), Instant.now());
        FileEntry stale = awaitFile("scjgj", "许可导出-早.csv");
        assertThat(stale.status()).as(stale.reason()).isEqualTo(FileEntry.INGESTED);
        assertThat(stale.superseded()).isEqualTo(2);
        assertThat(stale.newVersions()).isZero();

        // current versions unchanged and still revoked; no new version, so nothing for the outbox or the feed
        assertThat(currentVersion(a)).isEqualTo(2);
        assertThat(currentVersion(b)).isEqualTo(2);
        assertThat(status(a)).isEqualTo("REVOKED");
        assertThat(status(b)).isEqualTo("REVOKED");
        assertThat(count("SELECT COUNT(*) FROM hub_record_version WHERE record_id IN (?, ?)", a, b)).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM hub_feed_outbox WHERE"
                + " record_id IN (?, ?)", a, b) == 0);
        assertThat(count("SELECT COUNT(*) FROM hub_feed f JOIN hub_record_version v ON v.id = f.version_id"
                + " WHERE v.record_id IN (?, ?)", a, b)).isEqualTo(4);
        assertThat(supersededCount("scjgj") - supersededBefore).isEqualTo(2.0);

        // B's stale content is history beside the versions, with the reason; A's was version 1 already
        JsonNode recordB = get("/records/" + b);
        assertThat(recordB.at("/record/status").asText()).isEqualTo("REVOKED");
        assertThat(recordB.at("/versions")).hasSize(2);
        assertThat(recordB.at("/superseded")).hasSize(1);
        JsonNode history = recordB.at("/superseded/0");
        assertThat(history.at("/status").asText()).isEqualTo("VALID");
        assertThat(history.at("/currentVersion").asInt()).isEqualTo(2);
        assertThat(history.at("/reason").asText()).contains("is older than version 2 (REVOKED");
        assertThat(history.at("/sourceRef").asText()).isEqualTo("许可导出-早.csv line 3");
        assertThat(history.at("/record/body/XK_NR").asText()).isEqualTo("准予食品经营许可（首次申请稿）");
        assertThat(get("/records/" + a).at("/superseded")).isEmpty();

        // the export job sends the same stale file again under another name (item 5): a duplicate, not read again
        drop("scjgj", "许可导出-早-重发.csv", List.of(grantedA, staleB), Instant.now().plusSeconds(60));
        assertThat(awaitFile("scjgj", "许可导出-早-重发.csv").status()).isEqualTo(FileEntry.DUPLICATE);
        JsonNode duplicates = get("/files?department=scjgj&status=DUPLICATE");
        assertThat(duplicates.at("/items/0/fileName").asText()).isEqualTo("许可导出-早-重发.csv");
        assertThat(duplicates.at("/items/0/duplicateOf").asLong()).isEqualTo(stale.id());
        assertThat(duplicates.at("/items/0/duplicateOfName").asText()).isEqualTo("许可导出-早.csv");
        assertThat(duplicates.at("/items/0/rowsRead").asInt()).isZero();
        assertThat(supersededCount("scjgj") - supersededBefore).isEqualTo(2.0);

        // a later export (T3), in which the department has re-instated A: that is the newest state
        Map<String, Object> reinstated = new LinkedHashMap<>(grantedA);
        reinstated.put("XK_NR", "准予食品经营许可（复议后恢复）");
        reinstated.put("UPDATED_AT", Timestamp.valueOf(t3));
        drop("scjgj", "许可导出-晚.csv", List.of(reinstated), Instant.now());
        FileEntry newer = awaitFile("scjgj", "许可导出-晚.csv");
        assertThat(newer.newVersions()).isEqualTo(1);
        assertThat(currentVersion(a)).isEqualTo(3);
        assertThat(status(a)).isEqualTo("VALID");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM hub_feed f JOIN"
                + " hub_record_version v ON v.id = f.version_id WHERE v.record_id = ?", a) == 3);

        // the database's look-back sweep re-reads A as revoked at T2: older than T3, so it changes nothing
        String swept = sweptAt();
        await().atMost(Duration.ofSeconds(20)).until(() -> sweptAt() != null && !sweptAt().equals(swept));
        assertThat(currentVersion(a)).isEqualTo(3);
        assertThat(status(a)).isEqualTo("VALID");
    }

    @Test
    void withoutAMappedRowTimeTheFilesModificationTimeDecides() throws Exception {
        // sthjj's export has no update column: its files' modification times are the rows' source times
        Instant m1 = Instant.parse("2026-11-02T01:00:00Z");
        Instant m2 = Instant.parse("2026-11-03T01:00:00Z");
        Instant m3 = Instant.parse("2026-11-04T01:00:00Z");
        Map<String, Object> revoked = new LinkedHashMap<>(LicenceFiles.row(4242, 0));
        revoked.put("XK_ZT", "2");
        Map<String, Object> valid = new LinkedHashMap<>(LicenceFiles.row(4242, 0));
        String documentNumber = (String) valid.get("XK_WSH");

        dropLicenceFile("sthjj-1103.csv", List.of(revoked), m2);
        assertThat(awaitFile("sthjj", "sthjj-1103.csv").stored()).isEqualTo(1);
        long id = awaitRecord("sthjj", documentNumber);
        assertThat(status(id)).isEqualTo("REVOKED");

        dropLicenceFile("sthjj-1102.csv", List.of(valid), m1);
        FileEntry older = awaitFile("sthjj", "sthjj-1102.csv");
        assertThat(older.superseded()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("REVOKED");
        assertThat(currentVersion(id)).isEqualTo(1);
        assertThat(get("/records/" + id).at("/superseded/0/reason").asText())
                .startsWith("source time 2026-11-02T09:00+08:00 is older than version 1 (REVOKED, source time"
                        + " 2026-11-03T09:00+08:00)");

        valid.put("XK_NR", valid.get("XK_NR") + "（恢复）");
        dropLicenceFile("sthjj-1104.csv", List.of(valid), m3);
        assertThat(awaitFile("sthjj", "sthjj-1104.csv").newVersions()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("VALID");
        assertThat(currentVersion(id)).isEqualTo(2);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The department's row as its export job writes it (column names as the table has them). */
    private Map<String, Object> row(long id) {
        Map<String, Object> row = new LinkedHashMap<>(department.queryForMap("SELECT * FROM xk_licence WHERE ID = ?", id));
        Map<String, Object> upper = new LinkedHashMap<>();
        row.forEach((k, v) -> upper.put(k.toUpperCase(), v));
        return upper;
    }

    /** A CSV in GB18030 as county export jobs write them, with the dates in the layouts such exports mix. */
    private void drop(String user, String name, List<Map<String, Object>> rows, Instant modified) throws IOException {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        List<List<String>> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (String c : columns) {
                line.add(text(c, row.get(c)));
            }
            lines.add(line);
        }
        write(user, name, columns, lines, modified);
    }

    private void dropLicenceFile(String name, List<Map<String, Object>> rows, Instant modified) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            lines.add(LicenceFiles.COLUMNS.stream().map(c -> String.valueOf(row.get(c))).toList());
        }
        write("sthjj", name, LicenceFiles.COLUMNS, lines, modified);
    }

    private void write(String user, String name, List<String> columns, List<List<String>> lines, Instant modified)
            throws IOException {
        Path dir = Files.createDirectories(sftp.home(user).resolve("export"));
        Path tmp = dir.resolve("." + name + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, java.nio.charset.Charset.forName("GB18030"));
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            out.printRecord(columns);
            for (List<String> line : lines) {
                out.printRecord(line);
            }
        }
        Files.setLastModifiedTime(tmp, FileTime.from(modified));
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(SLASHED);
        }
        if (value instanceof java.sql.Date d) {
            LocalDate date = d.toLocalDate();
            return "XK_JDRQ".equals(column) ? date.format(CHINESE_DATE)
                    : date.getYear() == 2099 ? date.toString().replace("-", "") : date.toString();
        }
        return value.toString();
    }

    private FileEntry awaitFile(String department, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> hub.getBean(FileLedger.class)
                .list(department, "licences", null, null, 100).stream()
                .filter(e -> e.fileName().equals(name) && e.finishedAt() != null).findFirst(), o -> o.isPresent())
                .orElseThrow();
    }

    private long awaitRecord(String department, String sourceKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> store().queryForList(
                "SELECT id FROM hub_record WHERE department = ? AND source_key = ?", Long.class, department, sourceKey),
                ids -> ids.size() == 1).get(0);
    }

    private int currentVersion(long recordId) {
        return store().queryForObject("SELECT current_version FROM hub_record WHERE id = ?", Integer.class, recordId);
    }

    private String status(long recordId) {
        return store().queryForObject("SELECT status FROM hub_record WHERE id = ?", String.class, recordId);
    }

    private int count(String sql, Object... args) {
        return store().queryForObject(sql, Integer.class, args);
    }

    private String sweptAt() {
        return AbstractJdbcSourceIT.sweptAt(store().queryForObject(
                "SELECT cursor_json FROM hub_watermark WHERE department = 'scjgj'", String.class));
    }

    private double supersededCount(String department) {
        var c = hub.getBean(MeterRegistry.class).find("hub_ingest_rows_total").tag("department", department)
                .tag("outcome", "superseded").counter();
        return c == null ? 0 : c.count();
    }

    private JdbcTemplate store() {
        return hub.getBean(JdbcTemplate.class);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HubJson.mapper().readTree(r.body());
    }
}
