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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onex.hub.demo.DemoPusher;
import org.onex.hub.faults.HubChild;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 1, "nothing acknowledged is ever lost": a department pushes licences (R-APPROVAL-NOTICE) while
 * the hub is killed with SIGKILL at a random moment, again and again, on the embedded default (H2 file store)
 * and on PostgreSQL. Every row the push API answered 200 for must be in the store afterwards, under the record
 * id the answer named (ids never reused after a crash). Prints what it lost, which must be nothing. The
 * {@code faults} command (bin/faults) runs the same loop at scale, with JDBC, SFTP and delivery besides.
 */
class KillNineIT {

    private static final int KILLS = Integer.getInteger("killnine.kills", 2);
    private static final int ROWS_PER_REQUEST = 100;
    private static final LocalDateTime UPDATED = LocalDateTime.of(2026, 11, 2, 9, 0);

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void acknowledgedPushesSurviveKillNine(String store) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("kill-nine-" + store + "-");
        Path routes = Files.createDirectories(work.resolve("routes"));
        String key = "kill-nine-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Long.toString(seed).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.demo.enabled", "false");
        settings.put("hub.data-dir", work.toString());
        settings.put("hub.routes-dir", routes.toString());
        settings.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        settings.put("hub.push.keys." + DemoPusher.DEPARTMENT, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
        String storeUrl;
        String storeUser;
        if ("postgres".equals(store)) {
            storeUrl = TestDatabases.freshPostgres("hub_it_kill_nine");
            storeUser = "postgres";
            settings.put("spring.datasource.url", storeUrl);
            settings.put("spring.datasource.username", storeUser);
            settings.put("spring.datasource.password", "");
        } else {
            // The embedded default's own URL (application.yaml) with its data directory: what is tested is what ships.
            storeUrl = "jdbc:h2:file:" + work + "/hub-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            storeUser = "sa";
        }

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        int port = TestDatabases.freePort();
        try (HubChild hub = new HubChild(settings, port, work.resolve("hub.log"), "384m")) { // the fault suite's child JVM
            for (int kill = 0; kill < KILLS; kill++) {
                hub.start(Duration.ofMinutes(3));
                ExecutorService pusher = Executors.newSingleThreadExecutor();
                Future<?> pushing = pusher.submit(() -> pushUntilRefused(port, key, next, acknowledged));
                // kill after 2 to 10 more acknowledged requests: somewhere in the middle of a push
                long target = acknowledged.size() + (long) ROWS_PER_REQUEST * (2 + random.nextInt(9));
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= target || pushing.isDone());
                hub.kill();
                pushing.get();
                pusher.shutdown();
            }
            hub.start(Duration.ofMinutes(3)); // the store opens after the last kill, too
        }

        Map<String, Long> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(storeUrl, storeUser, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT r.source_key, r.id FROM hub_record r JOIN hub_record_version v"
                        + " ON v.record_id = r.id AND v.version = 1 WHERE r.department = '" + DemoPusher.DEPARTMENT + "'")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        acknowledged.forEach((sourceKey, id) -> {
            Long now = found.get(sourceKey);
            if (now == null) {
                lost.add(sourceKey);
            } else if (!now.equals(id)) {
                moved.add(sourceKey + " (acknowledged as record " + id + ", now " + now + ")");
            }
        });
        System.out.printf("kill -9 on %s (seed %d): %d kills, %d rows acknowledged, %d found, %d lost, %d under another id%n",
                store, seed, KILLS, acknowledged.size(), found.size(), lost.size(), moved.size());
        assertThat(acknowledged).as("rows acknowledged before the kills").hasSizeGreaterThanOrEqualTo(KILLS * 2 * ROWS_PER_REQUEST);
        assertThat(lost).as("acknowledged rows lost by kill -9 on " + store).isEmpty();
        assertThat(moved).as("acknowledged record ids reused for other rows on " + store).isEmpty();
    }

    /** Pushes new licences, one request after the other, until the hub stops answering (it was killed). */
    private static void pushUntilRefused(int port, String key, AtomicLong next, Map<String, Long> acknowledged) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/" + DemoPusher.DEPARTMENT + "/licences");
        while (true) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_REQUEST; i++) {
                long n = next.getAndIncrement();
                Map<String, Object> row = DemoPusher.licence(n, 0, false);
                row.put("updatedAt", UPDATED.plusSeconds(n).toString());
                rows.add(row);
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(HubJson.mapper().writeValueAsBytes(rows))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return; // killed: this request's rows were never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("push answered " + response.statusCode() + ": " + response.body());
            }
            try {
                JsonNode body = HubJson.mapper().readTree(response.body());
                for (JsonNode r : body.path("results")) {
                    if (!r.path("recordId").isMissingNode()) {
                        acknowledged.put(r.path("sourceKey").asText(), r.path("recordId").asLong());
                    } else {
                        throw new IllegalStateException("a row was not stored: " + r);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
