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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.DemoPusher;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.schema.HubJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 13, "ready means every API operation answers": a hub with department route files in its routes folder (a
 * jdbc-source and an sftp-source, as in the fault suite) is started while a department keeps pushing, as the fault
 * suite's push load does through every restart. Tomcat answers a second or two before Camel's REST routes have
 * mapped the API: those pushes used to get 404 ("wrong URL"; the fault suite counted 10 to 15 a restart, KillNineIT
 * never, as it pushes only once the hub is ready). Now, while readiness is not UP, a push is answered 503 with
 * Retry-After (never 404), and from the first moment {@code /actuator/health/readiness} is 200 every push is 200.
 */
class ReadyServesApiIT {

    private static final String KEY = "ready-serves-api-push-key";
    private static final int PUSHES_AFTER_READY = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void pushesThroughAStartAreNever404AndReadyMeansServed() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "hub-ready-it").toAbsolutePath();
        Path routes = Files.createDirectories(work.resolve("routes"));
        String sourceUrl = TestDatabases.freshPostgres("hub_rdy_src");
        LicenceSource.postgres(sourceUrl); // the department's table exists: its route starts
        port = TestDatabases.freePort();
        ConfigurableApplicationContext hub = null;
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("sthjj", "pw"))) {
            Files.createDirectories(sftp.home("sthjj").resolve("drop"));
            Files.writeString(routes.resolve("scjgj.camel.yaml"), jdbc("scjgj-licences", "scjgj", "licences"));
            Files.writeString(routes.resolve("sthjj.camel.yaml"), sftpRoute("sthjj-licences", sftp.port()));
            String keyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(KEY.getBytes(StandardCharsets.UTF_8)));
            CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                    () -> new SpringApplicationBuilder(HubApplication.class).run("--server.port=" + port,
                            "--hub.demo.enabled=false", "--hub.data-dir=" + work.resolve("data"),
                            "--hub.routes-dir=" + routes, "--spring.artemis.embedded.persistent=false",
                            "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort()
                                    + "?protocols=CORE",
                            "--hub.push.keys." + DemoPusher.DEPARTMENT + "=" + keyHash,
                            "--hub.datasources.scjgj-src.url=" + sourceUrl,
                            "--hub.datasources.scjgj-src.username=postgres"));

            // the department's side: it pushes all along, as the fault suite's push load does, and a load balancer
            // watches readiness; each push is noted with whether readiness was UP before it was sent
            List<String> beforeReady = new ArrayList<>();
            List<String> afterReady = new ArrayList<>();
            long[] n = { 0 };
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (starting.isCompletedExceptionally()) {
                    return true;
                }
                boolean ready = status("/actuator/health/readiness") == 200;
                HttpResponse<String> r = push(n[0]++);
                if (r != null) {
                    String answer = r.statusCode() + (r.statusCode() == 200 ? ""
                            : " Retry-After=" + r.headers().firstValue("Retry-After").orElse("-") + " " + r.body());
                    (ready ? afterReady : beforeReady).add(answer);
                }
                return afterReady.size() >= PUSHES_AFTER_READY;
            });
            hub = starting.get();
            System.out.printf("pushes before readiness UP: %s%npushes from readiness UP on: %s%n", beforeReady,
                    afterReady);
            // before readiness the port already answers (Tomcat starts before Camel): not ready, try again - never 404
            // (a push sent just as the hub became ready may be stored: 200)
            assertThat(beforeReady).as("answers while the hub was starting").anyMatch(a -> a.startsWith("503"))
                    .allSatisfy(a -> assertThat(a).matches("200|503 Retry-After=5 \\{.*\"status\":503.*"));
            assertThat(afterReady).as("answers to pushes sent once readiness was UP").hasSize(PUSHES_AFTER_READY)
                    .allSatisfy(a -> assertThat(a).isEqualTo("200"));
        } finally {
            if (hub != null) {
                hub.close();
            }
            FileSystemUtils.deleteRecursively(work.toFile());
        }
    }

    private int port;

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One push of one new licence; null while nothing listens on the port yet. */
    private HttpResponse<String> push(long n) throws IOException, InterruptedException {
        byte[] body = HubJson.mapper().writeValueAsBytes(List.of(DemoPusher.licence(n, 0, false)));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/ingest/" + DemoPusher.DEPARTMENT
                + "/licences")).header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return null;
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String jdbc(String routeId, String department, String feed) {
        return "- templatedRoute:\n    routeTemplateRef: jdbc-source\n    routeId: " + routeId + "\n    parameters:\n"
                + "      - { name: department, value: " + department + " }\n"
                + "      - { name: feed, value: " + feed + " }\n"
                + "      - { name: dataSource, value: scjgj-src }\n"
                + "      - { name: table, value: xk_licence }\n"
                + "      - { name: cursorTime, value: UPDATED_AT }\n"
                + "      - { name: cursorKey, value: ID }\n"
                + "      - { name: pollInterval, value: 300ms }\n"
                + "      - { name: initialDelay, value: \"0\" }\n";
    }

    private static String sftpRoute(String routeId, int sftpPort) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: " + routeId + "\n    parameters:\n"
                + "      - { name: department, value: sthjj }\n"
                + "      - { name: feed, value: licences }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"" + sftpPort + "\" }\n"
                + "      - { name: username, value: sthjj }\n"
                + "      - { name: password, value: pw }\n"
                + "      - { name: directory, value: drop }\n"
                + "      - { name: format, value: csv }\n"
                + "      - { name: encoding, value: UTF-8 }\n"
                + "      - { name: stableFor, value: 300ms }\n"
                + "      - { name: pollInterval, value: 300ms }\n"
                + "      - { name: initialDelay, value: \"0\" }\n";
    }
}
