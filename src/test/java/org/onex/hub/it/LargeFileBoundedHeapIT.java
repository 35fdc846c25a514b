package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.demo.LicenceFiles;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 3: a 100,000-row GB18030 CSV (about 30 MB, some 300 MB as row maps) read over SFTP and
 * committed as one unit by a hub whose whole JVM has a 192 MB heap (the surefire execution
 * {@code bounded-heap} in the pom). It can only pass if the file is streamed.
 */
class LargeFileBoundedHeapIT {

    private static final int ROWS = 100_000;

    @Test
    void hundredThousandRowFileIsIngestedWithinABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap cap of the bounded-heap execution")
                .isLessThanOrEqualTo(192L * 1024 * 1024);
        Path work = Files.createTempDirectory("hub-large-file");
        // The file, its local copy and the H2 store of 100,000 versions take about 1 GB while the test runs; a
        // full disk would fail H2 after the commit and leave the file in the drop, so say so up front.
        long free = Files.getFileStore(work).getUsableSpace();
        assertThat(free).as("free space under %s (the test needs about 1 GB)", work).isGreaterThan(1_500L << 20);
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("sthjj", "pw"))) {
            Path drop = Files.createDirectories(sftp.home("sthjj").resolve("drop"));
            Path file = drop.resolve("licences-full-export.csv");
            LicenceFiles.csv(file, Charset.forName("GB18030"), false, 1, ROWS);
            assertThat(Files.size(file)).isGreaterThan(20L * 1024 * 1024);
            Path routes = Files.createDirectories(work.resolve("routes"));
            Files.writeString(routes.resolve("sthjj.camel.yaml"), "- templatedRoute:\n"
                    + "    routeTemplateRef: sftp-source\n    routeId: sthjj-licences\n    parameters:\n"
                    + "      - { name: department, value: sthjj }\n      - { name: feed, value: licences }\n"
                    + "      - { name: host, value: 127.0.0.1 }\n      - { name: port, value: \"" + sftp.port() + "\" }\n"
                    + "      - { name: username, value: sthjj }\n      - { name: password, value: pw }\n"
                    + "      - { name: directory, value: drop }\n      - { name: format, value: csv }\n"
                    + "      - { name: encoding, value: GB18030 }\n      - { name: stableFor, value: 300ms }\n"
                    + "      - { name: pollInterval, value: 500ms }\n      - { name: initialDelay, value: 100ms }\n");
            try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
                    "--server.port=0", "--hub.demo.enabled=false", "--hub.data-dir=" + work.resolve("data"),
                    "--hub.routes-dir=" + routes, "--spring.artemis.embedded.persistent=false",
                    "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE")) {
                FileLedger ledger = hub.getBean(FileLedger.class);
                FileEntry entry = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ledger.list("sthjj", "licences", null, null, 5), l -> !l.isEmpty()
                                && l.get(0).finishedAt() != null).get(0);
                assertThat(entry.status()).as(entry.reason()).isEqualTo(FileEntry.INGESTED);
                assertThat(entry.rowsRead()).isEqualTo(ROWS);
                assertThat(entry.stored()).isEqualTo(ROWS);
                // The move to .done/ follows the commit in the same exchange; on a timeout, say what was seen.
                try {
                    await().atMost(Duration.ofMinutes(2)).until(() -> !Files.exists(file));
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError("file still in the drop after ingest: " + diagnosis(hub, sftp, ledger), e);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(work.toFile());
        }
    }

    /** What an operator would look at: the files on the server, the ledger, the route and its source health. */
    private static String diagnosis(ConfigurableApplicationContext hub, EmbeddedSftpServer sftp, FileLedger ledger)
            throws IOException {
        StringBuilder s = new StringBuilder("\nfiles on the server:");
        try (Stream<Path> files = Files.walk(sftp.home("sthjj"))) {
            files.forEach(f -> s.append("\n  ").append(sftp.home("sthjj").relativize(f)));
        }
        s.append("\nledger: ").append(ledger.list("sthjj", "licences", null, null, 10));
        CamelContext camel = hub.getBean(CamelContext.class);
        s.append("\nroute: ").append(camel.getRouteController().getRouteStatus("sthjj-licences"));
        s.append("\nsource health: ").append(hub.getBean(SourceHealth.class).byDepartment().get("sthjj"));
        return s.toString();
    }
}
