package org.onex.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.onex.hub.demo.DemoPusher;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The push scenario: {@code --push-rows} road transport licences pushed by jtysj to
 * {@code POST /api/v1/ingest/jtysj/licences} over real HTTP, {@code --batch} rows a request, by
 * {@code --push-clients} clients that each send one request after the other. Every response must be 200
 * with every row stored (or a new or unchanged version); anything else ends the run with the response.
 * The push key is made up for the run and given to the hub as its SHA-256, as production configures it.
 */
final class PushScenario {

    /** Issue 18: rows per second pushed by 4 clients in requests of 1,000 rows (printed). */
    static final int TARGET_RATE = 20_000;

    private static final String DEPARTMENT = DemoPusher.DEPARTMENT;
    private static final int FEED_TIMEOUT_SECONDS = 300;

    private final BenchOptions options;
    private final BenchReport report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PushScenario(BenchOptions options, BenchReport report) {
        this.options = options;
        this.report = report;
    }

    void run(Path work, Map<String, String> store) throws Exception {
        String key = "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> settings = new LinkedHashMap<>(store);
        settings.put("hub.push.keys." + DEPARTMENT, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8))));
        // the benchmark measures throughput, not the per-department limits: one slot per client
        settings.put("hub.push.per-department.concurrent", String.valueOf(options.pushClients()));
        try (HubRun hub = new HubRun(options)) {
            BenchReport.progress("(push) starting the hub in this JVM");
            long startup = hub.start(work, null, settings);
            hub.startRoutes();
            URI uri = URI.create("http://127.0.0.1:" + hub.port() + "/api/v1/ingest/" + DEPARTMENT + "/licences");
            long begin = System.nanoTime();
            double[] latencyMs = pushAll(uri, key);
            double seconds = (System.nanoTime() - begin) / 1e9;
            double first = latencyMs[0];
            Arrays.sort(latencyMs);
            report.line("rest push (POST /api/v1/ingest → map → validate → store, %d rows a request, %d client%s):"
                    + " %d records in %.1f s = %.0f records/s", options.batchSize(), options.pushClients(),
                    options.pushClients() == 1 ? "" : "s", options.pushRows(), seconds, options.pushRows() / seconds);
            report.line("  request latency over %d requests: p50 %.0f ms, p99 %.0f ms, max %.0f ms (the first, on a cold"
                    + " hub: %.0f ms)", latencyMs.length, BenchReport.percentile(latencyMs, 50),
                    BenchReport.percentile(latencyMs, 99), latencyMs[latencyMs.length - 1], first);
            double rate = options.pushRows() / seconds;
            report.line("  issue 18 target: ≥ %,d records/s with 4 clients of 1,000 rows a request: %.0f%s%s",
                    TARGET_RATE, rate, rate >= TARGET_RATE ? "" : " NOT MET",
                    options.pushClients() == 4 && options.batchSize() == 1000 ? ""
                            : " (this run: " + options.pushClients() + " clients of " + options.batchSize() + " rows)");
            report.line("  timed from the first request; Spring/Camel/Artemis start-up took %.1f s more",
                    startup / 1e9);
            long[] feed = hub.awaitFeed(FEED_TIMEOUT_SECONDS);
            report.line("  feed after the last response: all sequenced %s, all published to Artemis %s",
                    BenchReport.after(feed[0], FEED_TIMEOUT_SECONDS), BenchReport.after(feed[1], FEED_TIMEOUT_SECONDS));
        }
    }

    /** Sends every batch, each client one request after the other; returns the latencies in batch order. */
    private double[] pushAll(URI uri, String key) throws Exception {
        int batches = (options.pushRows() + options.batchSize() - 1) / options.batchSize();
        double[] latencyMs = new double[batches];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.pushClients());
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < options.pushClients(); c++) {
                done.add(clients.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        latencyMs[b] = push(uri, key, b);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(); // rethrows the first failed request
            }
        } finally {
            next.set(batches); // the other clients stop after their current request
            clients.shutdown();
        }
        return latencyMs;
    }

    /** Sends batch {@code b} and returns its latency in milliseconds; fails unless every row was stored. */
    private double push(URI uri, String key, int b) throws Exception {
        long first = (long) b * options.batchSize();
        int size = (int) Math.min(options.batchSize(), options.pushRows() - first);
        List<Map<String, Object>> rows = new ArrayList<>(size);
        for (long n = first; n < first + size; n++) {
            rows.add(DemoPusher.licence(n, 0, false));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubJson.mapper().writeValueAsBytes(rows))).build();
        long begin = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - begin) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("request " + b + " (rows " + first + "…): HTTP " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        JsonNode counts = HubJson.mapper().readTree(response.body());
        long accepted = counts.path("stored").asLong() + counts.path("newVersions").asLong()
                + counts.path("unchanged").asLong();
        if (accepted != size) {
            throw new IllegalStateException("request " + b + " (rows " + first + "…): " + accepted + " of " + size
                    + " rows stored, " + counts.path("quarantined").asLong() + " quarantined: "
                    + abbreviate(response.body()));
        }
        return ms;
    }

    private static String abbreviate(String body) {
        return body.length() <= 1000 ? body : body.substring(0, 1000) + "…";
    }
}
