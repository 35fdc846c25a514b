package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.demo.LicenceFiles;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileLedger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 3: with host-key checking on (the production profile's setting), the hub reads from an SFTP
 * server whose key is in the known-hosts file, and refuses one whose key is not, reading nothing.
 */
class SftpHostKeyIT {

    private Path work;
    private EmbeddedSftpServer sftp;

    @BeforeEach
    void start() throws Exception {
        work = Files.createTempDirectory("hub-hostkey-it");
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("sthjj", "pw"));
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("sthjj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: sftp-source\n"
                + "    routeId: sthjj-licences\n    parameters:\n"
                + "      - { name: department, value: sthjj }\n      - { name: feed, value: licences }\n"
                + "      - { name: host, value: 127.0.0.1 }\n      - { name: port, value: \"" + sftp.port() + "\" }\n"
                + "      - { name: username, value: sthjj }\n      - { name: password, value: pw }\n"
                + "      - { name: directory, value: drop }\n      - { name: format, value: csv }\n"
                + "      - { name: stableFor, value: 300ms }\n      - { name: pollInterval, value: 200ms }\n"
                + "      - { name: initialDelay, value: 100ms }\n");
        LicenceFiles.csv(Files.createDirectories(sftp.home("sthjj").resolve("drop")).resolve("a.csv"),
                StandardCharsets.UTF_8, false, 5000, 3);
    }

    @AfterEach
    void stop() {
        sftp.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void knownHostKeyIsAcceptedAndTheFileRead() throws Exception {
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, sftp.knownHostsLine() + "\n");
        try (ConfigurableApplicationContext hub = start(knownHosts)) {
            FileLedger ledger = hub.getBean(FileLedger.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.list("sthjj", "licences", "INGESTED", null, 5),
                    l -> l.size() == 1 && l.get(0).stored() == 3);
        }
    }

    @Test
    void unknownHostKeyIsRefusedAndNothingIsRead() throws Exception {
        // the known-hosts file holds the key of another server on the same address (a man in the middle)
        Path knownHosts = work.resolve("known_hosts");
        try (EmbeddedSftpServer other = EmbeddedSftpServer.start(0, work.resolve("other"), Map.of("x", "y"))) {
            Files.writeString(knownHosts, other.knownHostsLine().replace(":" + other.port(), ":" + sftp.port()) + "\n");
        }
        try (ConfigurableApplicationContext hub = start(knownHosts)) {
            FileLedger ledger = hub.getBean(FileLedger.class);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ledger.list("sthjj", "licences", null, null, 5).isEmpty());
            assertThat(sftp.home("sthjj").resolve("drop").resolve("a.csv")).exists();
            // the operator sees why: an alert names the server and the cause
            var alerts = hub.getBean(AlertStore.class);
            var alert = await().atMost(Duration.ofSeconds(10)).until(() -> alerts.list("OPEN", "sthjj",
                    "SOURCE_UNREACHABLE", null, 5), l -> !l.isEmpty()).get(0);
            assertThat(alert.message()).contains("sftp://127.0.0.1:" + sftp.port() + "/drop")
                    .containsIgnoringCase("HostKey");
        }
    }

    /** Issue 7: a department whose server stops is DOWN in health, the hub stays ready, and it comes back UP. */
    @Test
    void aDepartmentWhoseServerStopsIsDownWhileTheHubStaysReady() throws Exception {
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, sftp.knownHostsLine() + "\n");
        int port = sftp.port();
        try (ConfigurableApplicationContext hub = start(knownHosts)) {
            String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/actuator/health";
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String operator = TestClients.operator(hub); // issue 13 item 6: details need an operator's key
            java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> get = path -> {
                try {
                    return HubJson.mapper().readTree(http.send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(base + path)).header("Authorization", "Bearer " + operator)
                            .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            await().atMost(Duration.ofSeconds(30)).until(() -> get.apply("/departments").at("/details/sthjj/status")
                    .asText(), "UP"::equals);

            sftp.close();
            var down = await().atMost(Duration.ofSeconds(60)).until(() -> get.apply("/departments"),
                    h -> "DOWN".equals(h.at("/details/sthjj/status").asText()));
            assertThat(down.at("/details/sthjj/feeds/licences/lastError").asText()).contains("cannot poll sftp://127.0.0.1");
            assertThat(get.apply("/readiness").path("status").asText()).isEqualTo("UP");

            sftp = EmbeddedSftpServer.start(port, work.resolve("sftp"), Map.of("sthjj", "pw"));
            await().atMost(Duration.ofSeconds(60)).until(() -> get.apply("/departments").at("/details/sthjj/status")
                    .asText(), "UP"::equals);
        }
    }

    private ConfigurableApplicationContext start(Path knownHosts) {
        return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.sftp.strict-host-key-checking=yes", "--hub.sftp.known-hosts-file=" + knownHosts);
    }
}
