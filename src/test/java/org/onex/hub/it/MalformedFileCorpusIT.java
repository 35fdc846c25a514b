package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.faults.corpus.CorpusCheck;
import org.onex.hub.faults.corpus.CorpusDrop;
import org.onex.hub.faults.corpus.CorpusFile;
import org.onex.hub.faults.corpus.Expected;
import org.onex.hub.faults.corpus.MalformedCorpus;
import org.onex.hub.schema.CreditCodes;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.onex.hub.store.QuarantineStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 13 item 8: every file of the malformed-file corpus ({@link MalformedCorpus}) goes through a real
 * sftp-source route (Camel's SFTP consumer against an in-process Apache MINA SSHD server), one route per
 * drop folder of sthjj/licences, and gets exactly its expected outcome: REJECTED with its code in the
 * reason note beside it in {@code .error/}, its message in the file ledger and the FILE_REJECTED alert;
 * or INGESTED with exactly its rows stored and its rows quarantined under their rule. Meanwhile another
 * department's drop (scjgj) keeps being ingested, and after the corpus — zip bomb included — every
 * sthjj route still ingests a good file. Prints the table "file → outcome → reason".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFileCorpusIT {

    private static final String USER = "county";
    private static final String PASSWORD = "corpus-pw";

    private Path work;
    private Path corpus;
    private List<CorpusFile> files;
    private EmbeddedSftpServer sftp;
    private ConfigurableApplicationContext hub;

    @BeforeAll
    void start() throws IOException {
        work = Files.createTempDirectory("hub-corpus-it");
        corpus = work.resolve("corpus");
        files = MalformedCorpus.write(corpus);
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of(USER, PASSWORD));
        StringBuilder yaml = new StringBuilder();
        for (CorpusDrop drop : CorpusDrop.values()) {
            yaml.append(route(MalformedCorpus.DEPARTMENT, drop.folder(), drop.format(), drop.encoding(),
                    drop.filePattern()));
        }
        yaml.append(route("scjgj", "scjgj", "csv", "UTF-8", "*.csv"));
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("corpus.camel.yaml"), yaml.toString());
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + routes,
                "--spring.artemis.embedded.persistent=false", "--test.sftp.port=" + sftp.port(),
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }

    /** done-file read lock: the test writes {@code <name>.done} after each file, so no file waits to look stable. */
    private static String route(String department, String folder, String format, String encoding, String pattern) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: " + department + "-corpus-" + folder
                + "\n    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: licences }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"{{test.sftp.port}}\" }\n"
                + "      - { name: username, value: " + USER + " }\n"
                + "      - { name: password, value: " + PASSWORD + " }\n"
                + "      - { name: directory, value: drops/" + folder + " }\n"
                + "      - { name: filePattern, value: \"" + pattern + "\" }\n"
                + "      - { name: format, value: " + format + " }\n"
                + "      - { name: encoding, value: " + encoding + " }\n"
                + "      - { name: readLock, value: done-file }\n"
                + "      - { name: pollInterval, value: 200ms }\n"
                + "      - { name: initialDelay, value: 100ms }\n";
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

    @Test
    void everyCorpusFileGetsItsSpecificOutcomeAndOtherDropsKeepWorking() throws IOException {
        dropScjgj("before.csv", 0);
        for (CorpusFile f : files) {
            drop(f.drop().folder(), f.name(), Files.readAllBytes(f.path(corpus)));
        }
        dropScjgj("during.csv", 10);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> finished(MalformedCorpus.DEPARTMENT), m -> files.stream().allMatch(f -> m.containsKey(f.name())));
        List<CorpusCheck.Result> results = CorpusCheck.check(files, hub.getBean(FileLedger.class),
                hub.getBean(QuarantineStore.class), hub.getBean(AlertStore.class), this::reasonNote);
        System.out.println(CorpusCheck.table(results));
        List<String> wrong = CorpusCheck.wrong(results);
        assertThat(wrong).as("files whose outcome differs from the corpus").isEmpty();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);

        // the other department's drop was served throughout, and every corpus route still works afterwards
        dropScjgj("after.csv", 20);
        for (CorpusDrop d : List.of(CorpusDrop.CSV_UTF8, CorpusDrop.CSV_GB18030, CorpusDrop.XLSX)) {
            CorpusFile good = files.stream().filter(f -> f.drop() == d && f.expected().outcome() == Expected.Outcome.ACCEPTED
                    && f.expected().stored() > 0).findFirst().orElseThrow();
            drop(d.folder(), "again-" + good.name(), Files.readAllBytes(good.path(corpus)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, FileEntry> other = finished("scjgj");
            assertThat(List.of("before.csv", "during.csv", "after.csv")).allSatisfy(n -> assertThat(other.get(n))
                    .isNotNull().extracting(FileEntry::status, FileEntry::stored).containsExactly(FileEntry.INGESTED, 2L));
            // the same bytes again: recognised by content and skipped, which proves the route read them
            assertThat(finished(MalformedCorpus.DEPARTMENT).entrySet().stream().filter(en -> en.getKey().startsWith("again-"))
                    .map(en -> en.getValue().status()).toList()).containsExactly(FileEntry.DUPLICATE, FileEntry.DUPLICATE,
                            FileEntry.DUPLICATE);
        });
    }

    private void drop(String folder, String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(work.resolve("sftp").resolve(USER).resolve("drops").resolve(folder));
        Files.write(dir.resolve(name), bytes);
        Files.writeString(dir.resolve(name + ".done"), "");
    }

    /** A good scjgj licence file (its mapping reads more columns than sthjj's). */
    private void dropScjgj(String name, int first) throws IOException {
        String header = "XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_XDR_ZJHM,XK_FRDB,XK_FR_ZJLX,XK_FR_ZJHM,XK_WSH,XK_XKWS,"
                + "XK_JDRQ,XK_YXQZ,XK_YXQZI,XK_XKJG,XK_XKJGDM,XK_ZT,UPDATED_AT,XK_XKLB,XK_XKZS,XK_XKBH,XK_NR";
        StringBuilder text = new StringBuilder(header).append("\r\n");
        for (int n = first; n < first + 2; n++) {
            text.append("武义县市场主体").append(n).append("有限公司,02,").append(CreditCode.of(n)).append(",,,,,武市监许〔2026〕")
                    .append(name.replace(".csv", "")).append(n).append("号,食品经营许可决定书,2026-02-0").append(n % 9 + 1)
                    .append(",2026-02-01,2031-01-31,武义县市场监督管理局,,1,,01,食品经营许可证,,准予食品经营许可\r\n");
        }
        drop("scjgj", name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The finished ledger entries of a department's licence feed, newest per file name. */
    private Map<String, FileEntry> finished(String department) {
        return CorpusCheck.latest(hub.getBean(FileLedger.class).list(department, "licences", null, null, 1000));
    }

    /** The reason note beside a rejected file (written as the route moves the file), null if none came in 30 s. */
    private String reasonNote(CorpusFile f) {
        Path note = work.resolve("sftp").resolve(USER).resolve("drops").resolve(f.drop().folder()).resolve(".error")
                .resolve(f.name() + ".reason.txt");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(note));
            return Files.readString(note);
        } catch (org.awaitility.core.ConditionTimeoutException | IOException e) {
            return null;
        }
    }

    /** Valid unified social credit codes for the scjgj files. */
    private static final class CreditCode {
        static String of(int n) {
            String org = String.format("MA2%05d", 10_000 + n);
            String first17 = "91330723" + org + CreditCodes.orgCheckCharacter(org);
            return first17 + CreditCodes.checkCharacter(first17);
        }
    }
}
