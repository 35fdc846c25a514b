package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.demo.LicenceFiles;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.faults.TcpRelay;
import org.onex.hub.ingest.file.FileIngestor;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.onex.hub.store.QuarantineEntry;
import org.onex.hub.store.QuarantineFilter;
import org.onex.hub.store.QuarantineStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 3: department file drops read over real SFTP (an in-process Apache MINA SSHD server on a
 * local port, reached through the network stack by Camel's SFTP consumer). Each test drops files the
 * way a department's export job does and asserts the ledger, the stored records, the quarantine, the
 * files moved on the server and the reasons. R-APPROVAL-NOTICE depends on nothing being lost on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpSourceIT {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String USER = "sthjj";

    private Path work;
    private EmbeddedSftpServer sftp;
    private TcpRelay relay;
    private ConfigurableApplicationContext hub;

    @BeforeAll
    void start() throws IOException {
        work = Files.createTempDirectory("hub-sftp-it");
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of(USER, "s3cret+&=pw"));
        relay = new TcpRelay("127.0.0.1", sftp.port());
        Path routes = Files.createDirectories(work.resolve("routes"));
        StringBuilder yaml = new StringBuilder();
        yaml.append(route("gbk", "csv", "GB18030", "stable-size", "*.csv"));
        yaml.append(route("utf8", "csv", "UTF-8", "stable-size", "*.csv"));
        yaml.append(route("xlsx", "xlsx", "UTF-8", "stable-size", "*.xlsx"));
        yaml.append(route("json", "json", "UTF-8", "stable-size", "*.json"));
        yaml.append(route("ndjson", "ndjson", "UTF-8", "stable-size", "*.ndjson"));
        yaml.append(route("donefile", "csv", "UTF-8", "done-file", "*.csv"));
        yaml.append(route("relayed", "csv", "UTF-8", "stable-size", "*.csv")
                .replace("{{test.sftp.port}}", "{{test.sftp.relay-port}}"));
        Files.writeString(routes.resolve("sthjj.camel.yaml"), yaml.toString());
        hub = startHub();
    }

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false", "--test.sftp.port=" + sftp.port(),
                "--test.sftp.relay-port=" + relay.port(), "--hub.sftp.so-timeout=2s",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }

    private static String route(String folder, String format, String encoding, String readLock, String pattern) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: sthjj-" + folder + "\n"
                + "    parameters:\n"
                + "      - { name: department, value: sthjj }\n"
                + "      - { name: feed, value: licences }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"{{test.sftp.port}}\" }\n"
                + "      - { name: username, value: " + USER + " }\n"
                + "      - { name: password, value: \"s3cret+&=pw\" }\n"
                + "      - { name: directory, value: drops/" + folder + " }\n"
                + "      - { name: filePattern, value: \"" + pattern + "\" }\n"
                + "      - { name: format, value: " + format + " }\n"
                + "      - { name: encoding, value: " + encoding + " }\n"
                + "      - { name: readLock, value: " + readLock + " }\n"
                + "      - { name: stableFor, value: 600ms }\n"
                + "      - { name: pollInterval, value: 200ms }\n"
                + "      - { name: initialDelay, value: 100ms }\n";
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        relay.close();
        sftp.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    // --- formats and encodings -------------------------------------------------------------

    @Test
    void gb18030CsvIsDecodedStoredAndMovedToDone() throws IOException {
        LicenceFiles.csv(drop("gbk").resolve("gbk-1.csv"), GB18030, false, 1000, 5);

        FileEntry entry = awaitFile("gbk-1.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.INGESTED);
        assertThat(entry.rowsRead()).isEqualTo(5);
        assertThat(entry.stored()).isEqualTo(5);
        Map<String, String> expected = LicenceFiles.row(1002, 0);
        assertThat(subjectName(expected.get("XK_WSH")))
                .hasValueSatisfying(e -> assertThat(e).contains(expected.get("XK_XDR_MC")));
        // the ledger commits before Camel moves the file on completion of the exchange
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> java.nio.file.Files.exists(done("gbk", entry)));
        assertThat(drop("gbk").resolve("gbk-1.csv")).doesNotExist();
    }

    @Test
    void utf8CsvWithByteOrderMarkIsStored() throws IOException {
        LicenceFiles.csv(drop("utf8").resolve("bom-1.csv"), StandardCharsets.UTF_8, true, 1100, 4);

        FileEntry entry = awaitFile("bom-1.csv");
        assertThat(entry.status()).as(entry.reason()).isEqualTo(FileEntry.INGESTED);
        assertThat(entry.stored()).isEqualTo(4);
        // the first column (XK_XDR_MC) is read through the BOM
        Map<String, String> expected = LicenceFiles.row(1100, 0);
        assertThat(subjectName(expected.get("XK_WSH")))
                .hasValueSatisfying(e -> assertThat(e).contains(expected.get("XK_XDR_MC")));
    }

    @Test
    void xlsxWorkbookWithDateCellsIsStored() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (long n = 1200; n < 1206; n++) {
            rows.add(LicenceFiles.row(n, 0));
        }
        LicenceFiles.xlsx(drop("xlsx").resolve("ledger-1.xlsx"), "许可", rows);

        FileEntry entry = awaitFile("ledger-1.xlsx");
        assertThat(entry.status()).as(entry.reason()).isEqualTo(FileEntry.INGESTED);
        assertThat(entry.stored()).isEqualTo(6);
        String envelope = subjectName(rows.get(3).get("XK_WSH")).orElseThrow();
        assertThat(HubJson.mapper().readTree(envelope).at("/document/decisionDate").asText())
                .isEqualTo(rows.get(3).get("XK_JDRQ"));
    }

    @Test
    void jsonArrayAndNdjsonFilesAreStored() throws IOException {
        List<Map<String, String>> rows = List.of(LicenceFiles.row(1300, 0), LicenceFiles.row(1301, 0));
        Files.writeString(drop("json").resolve("batch-1.json"), HubJson.mapper()
                .writeValueAsString(rows));
        Files.writeString(drop("ndjson").resolve("batch-1.ndjson"), Stream.of(LicenceFiles.row(1310, 0),
                LicenceFiles.row(1311, 0), LicenceFiles.row(1312, 0)).map(SftpSourceIT::json)
                .collect(Collectors.joining("\n")) + "\n");

        assertThat(awaitFile("batch-1.json").stored()).isEqualTo(2);
        assertThat(awaitFile("batch-1.ndjson").stored()).isEqualTo(3);
        assertThat(subjectName(LicenceFiles.row(1311, 0).get("XK_WSH"))).isPresent();
    }

    // --- row-level and file-level failures ----------------------------------------------------

    @Test
    void badRowIsQuarantinedWithFileAndLineAndTheRestIsStored() throws IOException {
        List<Map<String, String>> rows = rows(1400, 6);
        rows.get(2).put("XK_XDR_SHXYM", SyntheticData.brokenCreditCode(new java.util.Random(3)));
        LicenceFiles.csv(drop("gbk").resolve("with-bad-row.csv"), GB18030, false, rows.iterator());

        FileEntry entry = awaitFile("with-bad-row.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.INGESTED);
        assertThat(entry.stored()).isEqualTo(5);
        assertThat(entry.quarantined()).isEqualTo(1);
        List<QuarantineEntry> open = hub.getBean(QuarantineStore.class).list(new QuarantineFilter("sthjj", "licences",
                null, QuarantineEntry.OPEN), null, 100);
        QuarantineEntry bad = open.stream().filter(q -> rows.get(2).get("XK_WSH").equals(q.sourceKey())).findFirst()
                .orElseThrow();
        assertThat(bad.sourceRef()).isEqualTo("with-bad-row.csv line 4"); // header is line 1
        assertThat(bad.failures()).extracting(v -> v.field()).contains("subject.creditCode");
        // the channel it came through (issue 12 item 9: a row seen through several is one entry listing them)
        assertThat(bad.channels()).extracting(QuarantineEntry.Channel::name).containsExactly("sftp:sthjj/licences");
    }

    @Test
    void truncatedFileStoresNothingAndIsMovedToErrorWithItsReason() throws IOException {
        // 1,200 rows over three ingest batches: the first two batches must roll back with the file.
        Path whole = work.resolve("whole.csv");
        LicenceFiles.csv(whole, GB18030, false, 20_000, 1200);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(drop("gbk").resolve("cut-off.csv"), java.util.Arrays.copyOf(bytes, bytes.length - 50));

        FileEntry entry = awaitFile("cut-off.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.REJECTED);
        assertThat(entry.reason()).matches("line 1201: \\d+ fields, expected 14, in the last line, which has no line"
                + " break \\(truncated upload\\?\\)");
        assertThat(countKeys(20_000, 1200)).isZero();
        Path error = drop("gbk").resolve(".error");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error.resolve("cut-off.csv")));
        assertThat(Files.readString(error.resolve("cut-off.csv.reason.txt"))).contains(entry.reason())
                .contains("Nothing from this file was stored");
        List<Alert> alerts = hub.getBean(AlertStore.class).list(Alert.OPEN, "sthjj", "FILE_REJECTED", null, 50);
        assertThat(alerts).anySatisfy(a -> assertThat(a.subject()).isEqualTo("cut-off.csv"));
    }

    @Test
    void headerWithoutTheKeyColumnIsRejected() throws IOException {
        String header = String.join(",", LicenceFiles.COLUMNS).replace("XK_WSH", "XK_WSH_OLD");
        Files.writeString(drop("utf8").resolve("wrong-header.csv"), header + "\r\n"
                + String.join(",", LicenceFiles.row(1500, 0).values()) + "\r\n");

        FileEntry entry = awaitFile("wrong-header.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.REJECTED);
        assertThat(entry.reason()).isEqualTo("header lacks column XK_WSH");
    }

    @Test
    void utf8FileInAGb18030DropIsRejectedInsteadOfStoredAsMojibake() throws IOException {
        LicenceFiles.csv(drop("gbk").resolve("utf8-by-mistake.csv"), StandardCharsets.UTF_8, false, 1600, 3);

        FileEntry entry = awaitFile("utf8-by-mistake.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.REJECTED);
        assertThat(entry.reason()).contains("UTF-8").contains("GB18030");
        assertThat(countKeys(1600, 3)).isZero();
    }

    @Test
    void gb18030FileInAUtf8DropIsRejectedWithTheByteOffset() throws IOException {
        LicenceFiles.csv(drop("utf8").resolve("gbk-by-mistake.csv"), GB18030, false, 1650, 3);
        byte[] bytes = Files.readAllBytes(drop("utf8").resolve("gbk-by-mistake.csv"));
        int firstHigh = 0;
        while ((bytes[firstHigh] & 0x80) == 0) {
            firstHigh++;
        }

        FileEntry entry = awaitFile("gbk-by-mistake.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.REJECTED);
        assertThat(entry.reason()).isEqualTo("bytes are not valid UTF-8 at offset " + firstHigh);
    }

    @Test
    void emptyFileIsRejectedNotIgnored() throws IOException {
        Files.write(drop("utf8").resolve("empty.csv"), new byte[0]);

        FileEntry entry = awaitFile("empty.csv");
        assertThat(entry.status()).isEqualTo(FileEntry.REJECTED);
        assertThat(entry.reason()).contains("empty");
    }

    // --- idempotency and safe pickup --------------------------------------------------------

    @Test
    void sameFileUploadedTwiceIsIngestedOnceAndAChangedReuploadGivesNewVersionsOnlyForChangedRows()
            throws IOException {
        List<Map<String, String>> rows = rows(1700, 5);
        Instant mtime = Instant.parse("2026-11-20T02:00:00Z");
        Path first = drop("utf8").resolve("daily.csv");
        LicenceFiles.csv(first, StandardCharsets.UTF_8, false, rows.iterator());
        Files.setLastModifiedTime(first, FileTime.from(mtime));
        assertThat(awaitFiles("daily.csv", 1).get(0).stored()).isEqualTo(5);

        // the export job uploads the very same file again
        LicenceFiles.csv(first, StandardCharsets.UTF_8, false, rows.iterator());
        Files.setLastModifiedTime(first, FileTime.from(mtime));
        FileEntry again = awaitFiles("daily.csv", 2).get(0);
        assertThat(again.status()).isEqualTo(FileEntry.DUPLICATE);
        assertThat(again.reason()).contains("not ingested again");
        assertThat(again.duplicateOf()).isEqualTo(awaitFiles("daily.csv", 2).get(1).id());

        // and then a corrected export under the same name: one row changed
        rows.set(3, LicenceFiles.row(1703, 1));
        LicenceFiles.csv(first, StandardCharsets.UTF_8, false, rows.iterator());
        FileEntry changed = awaitFiles("daily.csv", 3).get(0);
        assertThat(changed.status()).isEqualTo(FileEntry.INGESTED);
        assertThat(changed.newVersions()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(4);
        assertThat(changed.stored()).isZero();
        Integer versions = jdbc().queryForObject("SELECT COUNT(*) FROM hub_record_version v JOIN hub_record r"
                + " ON r.id = v.record_id WHERE r.source_key = ?", Integer.class, rows.get(3).get("XK_WSH"));
        assertThat(versions).isEqualTo(2);
    }

    /**
     * Issue 12 item 5: an ordinary {@code sftp put} of the same export gives it a new modification time, and a
     * re-send often a new name; the content decides. Both copies are kept under {@code .done/}, and a second
     * file of the same name the same day does not overwrite the first there.
     */
    @Test
    void sameBytesUnderANewNameAndModificationTimeAreADuplicateOfTheFirstAndBothCopiesAreKept() throws IOException {
        List<Map<String, String>> rows = rows(2300, 4);
        Path first = drop("gbk").resolve("许可证导出20261120.csv");
        LicenceFiles.csv(first, GB18030, false, rows.iterator());
        byte[] bytes = Files.readAllBytes(first);
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-11-20T02:00:00Z")));
        FileEntry ingested = awaitFile("许可证导出20261120.csv");
        assertThat(ingested.stored()).isEqualTo(4);
        Map<String, Integer> versionsBefore = versionCounts(rows);

        // the department's job sends the same export again the next day, named by the day it was sent
        Path resent = drop("gbk").resolve("许可证导出20261121.csv");
        Files.write(resent, bytes);
        Files.setLastModifiedTime(resent, FileTime.from(Instant.parse("2026-11-21T02:30:00Z")));
        FileEntry duplicate = awaitFile("许可证导出20261121.csv");
        assertThat(duplicate.status()).isEqualTo(FileEntry.DUPLICATE);
        assertThat(duplicate.duplicateOf()).isEqualTo(ingested.id());
        assertThat(duplicate.duplicateOfName()).isEqualTo("许可证导出20261120.csv");
        assertThat(duplicate.reason()).contains("file #" + ingested.id() + " 许可证导出20261120.csv")
                .contains("not ingested again");
        assertThat(duplicate.rowsRead()).isZero();
        assertThat(versionCounts(rows)).isEqualTo(versionsBefore);

        // and once more under the first name: still a duplicate, and no copy under .done/ overwrites another
        Files.write(first, bytes);
        FileEntry third = awaitFiles("许可证导出20261120.csv", 2).get(0);
        assertThat(third.status()).isEqualTo(FileEntry.DUPLICATE);
        assertThat(third.duplicateOf()).isEqualTo(ingested.id());
        for (FileEntry e : List.of(ingested, duplicate, third)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(done("gbk", e)));
            assertThat(Files.readAllBytes(done("gbk", e))).isEqualTo(bytes);
        }
        assertThat(versionCounts(rows)).isEqualTo(versionsBefore);
    }

    @Test
    void fileStillBeingWrittenIsNotReadEarly() throws Exception {
        Path file = drop("utf8").resolve("slow-upload.csv");
        List<Map<String, String>> rows = rows(1800, 30);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((String.join(",", LicenceFiles.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8));
            // a slow link: one row every 100 ms for 3 s, five times the stable-size window of 600 ms
            for (Map<String, String> row : rows) {
                out.write((String.join(",", row.values()) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                long until = System.nanoTime() + 100_000_000L;
                await().pollInterval(Duration.ofMillis(20)).until(() -> System.nanoTime() >= until);
                assertThat(ledger("slow-upload.csv")).as("picked up while still being written").isEmpty();
            }
        }
        FileEntry entry = awaitFile("slow-upload.csv");
        assertThat(entry.status()).as(entry.reason()).isEqualTo(FileEntry.INGESTED);
        assertThat(entry.rowsRead()).isEqualTo(30);
    }

    @Test
    void doneFileDropIsReadOnlyOnceItsDoneFileExists() throws IOException {
        LicenceFiles.csv(drop("donefile").resolve("export.csv"), StandardCharsets.UTF_8, false, 1900, 4);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> ledger("export.csv").isEmpty());

        Files.write(drop("donefile").resolve("export.csv.done"), new byte[0]);
        assertThat(awaitFile("export.csv").stored()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(drop("donefile").resolve("export.csv.done")));
    }

    @Test
    void filesDroppedWhileTheHubIsDownAreReadAfterTheRestartAndEarlierOnesAreNotReadAgain() throws IOException {
        LicenceFiles.csv(drop("gbk").resolve("before-restart.csv"), GB18030, false, 2100, 3);
        assertThat(awaitFile("before-restart.csv").stored()).isEqualTo(3);
        FileEntry first = awaitFile("before-restart.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(done("gbk", first)));
        hub.close();
        try {
            LicenceFiles.csv(drop("gbk").resolve("during-downtime.csv"), GB18030, false, 2200, 4);
            // the crash case: the hub committed a file but died before moving it on the server
            Path done = done("gbk", first);
            Files.move(done, drop("gbk").resolve("before-restart.csv"));
        } finally {
            hub = startHub();
        }
        assertThat(awaitFile("during-downtime.csv").stored()).isEqualTo(4);
        FileEntry again = awaitFiles("before-restart.csv", 2).get(0);
        assertThat(again.status()).isEqualTo(FileEntry.DUPLICATE);
        assertThat(countKeys(2100, 3)).isEqualTo(3);
    }

    /**
     * A firewall or NAT that forgets the connection: the session stays open and hears nothing. The hub drops it
     * after hub.sftp.so-timeout (2 s here) and an unanswered keep-alive, and the next poll reconnects. With Camel's
     * default read timeout (5 min) the route waited on it for minutes (the fault suite's SFTP outage, issue 13).
     */
    @Test
    void aConnectionThatGoesSilentIsDroppedAndTheNextPollReconnects() throws IOException {
        LicenceFiles.csv(drop("relayed").resolve("before-silence.csv"), StandardCharsets.UTF_8, false, 8300, 2);
        assertThat(awaitFile("before-silence.csv").stored()).isEqualTo(2);

        relay.freeze();
        LicenceFiles.csv(drop("relayed").resolve("after-silence.csv"), StandardCharsets.UTF_8, false, 8400, 3);

        FileEntry entry = awaitFile("after-silence.csv");
        assertThat(entry.status()).as(entry.reason()).isEqualTo(FileEntry.INGESTED);
        assertThat(countKeys(8400, 3)).isEqualTo(3);
    }

    // --- helpers ------------------------------------------------------------------------------

    private Path drop(String folder) throws IOException {
        return Files.createDirectories(sftp.home(USER).resolve("drops").resolve(folder));
    }

    /** Where a picked-up file is kept: {@code .done/<date>/<name with its ledger id>}. */
    private Path done(String folder, FileEntry entry) throws IOException {
        return drop(folder).resolve(".done").resolve(LocalDate.now(HubDates.ZONE).toString())
                .resolve(FileIngestor.doneName(entry.fileName(), entry.id()));
    }

    private JdbcTemplate jdbc() {
        return hub.getBean(JdbcTemplate.class);
    }

    private List<FileEntry> ledger(String name) {
        return hub.getBean(FileLedger.class).list("sthjj", "licences", null, null, 500).stream()
                .filter(e -> e.fileName().equals(name)).toList();
    }

    private FileEntry awaitFile(String name) {
        return awaitFiles(name, 1).get(0);
    }

    /** Ledger entries of {@code name}, newest first, once there are {@code count} finished ones. */
    private List<FileEntry> awaitFiles(String name, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ledger(name).stream()
                .filter(e -> e.finishedAt() != null).toList(), l -> l.size() >= count);
    }

    private Optional<String> subjectName(String sourceKey) {
        return jdbc().queryForList("SELECT v.envelope FROM hub_record r JOIN hub_record_version v ON v.record_id = r.id"
                + " WHERE r.source_key = ? AND r.department = 'sthjj'", String.class, sourceKey).stream().findFirst();
    }

    /** Versions per source key of these rows. */
    private Map<String, Integer> versionCounts(List<Map<String, String>> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            counts.put(row.get("XK_WSH"), jdbc().queryForObject("SELECT COUNT(*) FROM hub_record_version v JOIN"
                    + " hub_record r ON r.id = v.record_id WHERE r.source_key = ? AND r.department = 'sthjj'",
                    Integer.class, row.get("XK_WSH")));
        }
        return counts;
    }

    private int countKeys(long first, int count) {
        List<String> keys = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            keys.add(LicenceFiles.row(n, 0).get("XK_WSH"));
        }
        return jdbc().queryForList("SELECT source_key FROM hub_record WHERE department = 'sthjj'", String.class)
                .stream().filter(keys::contains).toList().size();
    }

    private static List<Map<String, String>> rows(long first, int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            rows.add(new LinkedHashMap<>(LicenceFiles.row(n, 0)));
        }
        return rows;
    }

    private static String json(Map<String, String> row) {
        try {
            return HubJson.mapper().writeValueAsString(row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
