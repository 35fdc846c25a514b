package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.cli.ApiClientsCommand;
import org.onex.hub.demo.DemoPusher;
import org.onex.hub.faults.HubChild;
import org.onex.hub.feed.FeedHeaders;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * Issue 13 item 7, "audit that survives a crash": the bureau reads the C2 feed over the broker while a department
 * pushes licences (R-APPROVAL-NOTICE), and the hub is killed with SIGKILL mid-stream, once. After the restart the
 * audit log holds a FEED_READ entry ({@code interrupted}) covering at least every message the reader had
 * acknowledged before the last progress write preceding the kill (the progress period is 1 s here), with the digest
 * of those record ids; and the chain, checked against the anchors outside the store, verifies.
 */
class BrokerReadsKillNineIT {

    private static final Pattern KEY = Pattern.compile("hub_[A-Za-z0-9_-]{43}");
    private static final String PROGRESS_LINE = "broker read progress stored: 1 consumer(s)";
    private static final String TOPIC = "hub.feed.bureau.C2";

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void brokerReadsAcknowledgedBeforeTheLastProgressWriteAreAuditedAfterKillNine(String store) throws Exception {
        Path work = Files.createTempDirectory("broker-reads-kill-" + store + "-");
        Path routes = Files.createDirectories(work.resolve("routes"));
        Path log = work.resolve("hub.log");
        String pushKey = "broker-reads-kill-" + System.nanoTime();
        int brokerPort = TestDatabases.freePort();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.demo.enabled", "false");
        settings.put("hub.data-dir", work.toString());
        settings.put("hub.routes-dir", routes.toString());
        settings.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE");
        settings.put("hub.push.keys." + DemoPusher.DEPARTMENT, sha256(pushKey));
        settings.put("hub.audit.broker-read-period", "1s");
        settings.put("hub.audit.anchor.period", "2s");
        settings.put("logging.level.org.onex.hub.feed.BrokerReads", "DEBUG");
        List<String> storeArgs = new ArrayList<>(List.of("--hub.data-dir=" + work));
        if ("postgres".equals(store)) {
            String url = TestDatabases.freshPostgres("hub_it_broker_reads_kill");
            settings.put("spring.datasource.url", url);
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.datasource.password", "");
            storeArgs.addAll(List.of("--datasource-url", url, "--datasource-username", "postgres"));
        }
        String readerKey = addClient("kill-reader", "bureau", "zhzf", storeArgs);
        String adminKey = addClient("kill-admin", "admin", null, storeArgs);

        List<Long> received = new CopyOnWriteArrayList<>();
        long acknowledgedBeforeProgress;
        long acknowledgedAtKill;
        int port = TestDatabases.freePort();
        try (HubChild hub = new HubChild(settings, port, log, "384m")) {
            hub.start(Duration.ofMinutes(3));
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort
                    + "?reconnectAttempts=0");
            Connection connection = factory.createConnection("kill-reader", readerKey);
            connection.setExceptionListener(e -> { }); // the hub goes away with kill -9
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createTopic(TOPIC)).setMessageListener(m -> {
                try {
                    received.add(m.getLongProperty(FeedHeaders.RECORD_ID)); // acknowledged when this returns
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
            ExecutorService pusher = Executors.newSingleThreadExecutor();
            Future<?> pushing = pusher.submit(() -> pushUntilRefused(port, pushKey));
            await().atMost(Duration.ofMinutes(2)).until(() -> received.size() >= 300 || pushing.isDone());
            assertThat(pushing.isDone()).as("the pusher still runs").isFalse();

            // the second progress write from now took its figures after this count (the first may have before)
            acknowledgedBeforeProgress = received.size();
            long linesBefore = progressLines(log);
            await().atMost(Duration.ofSeconds(30)).until(() -> progressLines(log) >= linesBefore + 2
                    && Files.readString(log).contains("audit anchor: ")); // the first comes 10 s after the start
            acknowledgedAtKill = received.size();
            hub.kill();
            pushing.get();
            pusher.shutdown();
            try {
                connection.close();
            } catch (JMSException e) {
                // the broker is gone
            }

            hub.start(Duration.ofMinutes(3));
            HttpClient http = HttpClient.newHttpClient();
            List<JsonNode> reads = await().atMost(Duration.ofMinutes(1)).until(() -> feedReads(http, port, adminKey),
                    l -> l.stream().anyMatch(e -> e.at("/detail/consumer").asText().equals(
                            BrokerReadProgress.INTERRUPTED)));
            long audited = reads.stream().mapToLong(e -> e.at("/detail/count").asLong()).sum();
            JsonNode interrupted = reads.get(reads.size() - 1);
            System.out.printf("broker reads and kill -9 on %s: %d messages acknowledged before the last progress write,"
                    + " %d at the kill, %d audited after the restart (%d entries)%n", store, acknowledgedBeforeProgress,
                    acknowledgedAtKill, audited, reads.size());
            assertThat(reads).hasSize(1);
            assertThat(interrupted.get("target").asText()).isEqualTo("artemis:" + TOPIC);
            assertThat(interrupted.get("role").asText()).isEqualTo("BUREAU");
            assertThat(audited).as("messages audited after kill -9").isGreaterThanOrEqualTo(acknowledgedBeforeProgress);
            JsonNode detail = interrupted.get("detail");
            assertThat(detail.get("firstFeedSeq").asLong()).isLessThanOrEqualTo(detail.get("lastFeedSeq").asLong());
            // the digest is the one of the ids in delivery order, which the reader acknowledged in that order (unless
            // the last progress write counted a message still on its way to the reader when the hub was killed)
            if (audited <= received.size()) {
                assertThat(detail.get("idsSha256").asText()).isEqualTo(AuditLog.idsDigest(
                        received.subList(0, (int) audited)));
            }

            JsonNode verification = get(http, port, adminKey, "/api/v1/audit/verify");
            assertThat(verification.get("valid").asBoolean()).as(verification.get("message").asText()).isTrue();
            assertThat(verification.get("anchorsChecked").asInt()).as("anchors written before the kill").isPositive();
        }
        assertThat(Files.readString(log)).contains("audit anchor: onex-audit-anchor-v1 time=");
    }

    /** The FEED_READ entries of the reader, in chain order. */
    private static List<JsonNode> feedReads(HttpClient http, int port, String adminKey) throws Exception {
        List<JsonNode> reads = new ArrayList<>();
        String cursor = "";
        while (true) {
            JsonNode page = get(http, port, adminKey, "/api/v1/audit?limit=1000" + (cursor.isEmpty() ? ""
                    : "&cursor=" + cursor));
            for (JsonNode e : page.get("items")) {
                if (e.get("action").asText().equals(AuditAction.FEED_READ) && e.get("clientId").asText()
                        .equals("kill-reader")) {
                    ((ObjectNode) e).set("detail", HubJson.mapper().readTree(e.get("detail").asText()));
                    reads.add(e);
                }
            }
            if (page.get("count").asInt() < 1000) {
                return reads;
            }
            cursor = page.get("nextCursor").asText();
        }
    }

    private static JsonNode get(HttpClient http, int port, String key, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubJson.mapper().readTree(response.body());
    }

    private static long progressLines(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(PROGRESS_LINE)).count();
        }
    }

    /** Adds a client with the {@code clients} command on the store the hub will open; returns its key. */
    private static String addClient(String id, String role, String department, List<String> storeArgs) {
        List<String> args = new ArrayList<>(List.of("add", id, "--role", role));
        if (department != null) {
            args.addAll(List.of("--department", department));
        }
        args.addAll(storeArgs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ApiClientsCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher m = KEY.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    /** Pushes new licences, one request of 100 after the other, until the hub stops answering (it was killed). */
    private static void pushUntilRefused(int port, String key) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/" + DemoPusher.DEPARTMENT + "/licences");
        AtomicLong next = new AtomicLong();
        LocalDateTime updated = LocalDateTime.of(2026, 11, 2, 9, 0);
        while (true) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long n = next.getAndIncrement();
                Map<String, Object> row = DemoPusher.licence(n, 0, false);
                row.put("updatedAt", updated.plusSeconds(n).toString());
                rows.add(row);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(HubJson.mapper().writeValueAsBytes(rows))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("push answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                return; // killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
