package org.onex.hub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.onex.hub.demo.DemoPusher;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 交通运输局 pushing new licences over REST (R-APPROVAL-NOTICE), {@value #ROWS} a request, one request after the
 * other. A row is acknowledged when the answer (200) names its record id; a request cut by a kill acknowledges
 * nothing and is not repeated (its rows may or may not be stored: either is right).
 */
final class PushLoad extends Load {

    static final int ROWS = 50;
    private static final LocalDateTime UPDATED = LocalDateTime.of(2026, 11, 2, 9, 0);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final String key;
    private final long firstRow;
    private final AtomicLong next;
    private volatile long refused;
    private volatile long notReady;
    private volatile String firstRefusal;
    private volatile long notStored;
    private volatile String firstNotStored;

    PushLoad(int port, String key, long firstRow) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/" + DemoPusher.DEPARTMENT + "/licences");
        this.key = key;
        this.firstRow = firstRow;
        this.next = new AtomicLong(firstRow);
    }

    @Override
    String scenario() {
        return "push";
    }

    @Override
    String department() {
        return DemoPusher.DEPARTMENT;
    }

    @Override
    String feed() {
        return "licences";
    }

    @Override
    long periodMillis() {
        return 100;
    }

    /** Answers other than 200 that are not the starting or stopping hub's 503. */
    long refused() {
        return refused;
    }

    /** Rows of answered pushes that the hub did not store (quarantined): the load's rows are all valid. */
    long notStored() {
        return notStored;
    }

    String firstNotStored() {
        return firstNotStored;
    }

    /** 503 with Retry-After while the hub was starting or stopping (security.ApiNotReadyFilter): expected. */
    long notReady() {
        return notReady;
    }

    /** The first answer other than 200, for the report. */
    String firstRefusal() {
        return firstRefusal;
    }

    @Override
    void step() throws IOException, InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            long n = next.getAndIncrement();
            Map<String, Object> row = DemoPusher.licence(n, 0, false);
            // seconds since the run's first row: n itself (seed × 10^6) would be a date thousands of years ahead,
            // which the hub rightly refuses as a source time
            row.put("updatedAt", UPDATED.plusSeconds(n - firstRow).toString());
            rows.add(row);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubJson.mapper().writeValueAsBytes(rows))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
            notReady++; // a restart: the department is told to try again, nothing was stored
            return;
        }
        if (response.statusCode() != 200) {
            if (refused++ == 0) {
                String body = response.body();
                firstRefusal = "HTTP " + response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) : body);
            }
            return;
        }
        for (JsonNode r : HubJson.mapper().readTree(response.body()).path("results")) {
            if (!r.path("recordId").isMissingNode()) {
                acknowledge(r.path("sourceKey").asText(), r.path("recordId").asLong());
            } else if (notStored++ == 0) {
                firstNotStored = r.toString().length() > 300 ? r.toString().substring(0, 300) : r.toString();
            }
        }
    }
}
