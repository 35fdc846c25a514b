package org.onex.hub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A consumer of the REST feed ({@code GET /api/v1/records}) as the bureau reads it: one cursor kept across the
 * hub's kills and restarts, a page every second. It remembers which record version it saw at which feed position;
 * in the end a version of the store it never saw (its position was given after the cursor passed) or a position
 * that now names another version (reused after a crash) is a feed gap.
 */
final class FeedReader {

    /** A record version as the feed named it. */
    record Seen(String department, String feed, String sourceKey, long version) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String key;
    private final Map<Long, Seen> positions = new ConcurrentHashMap<>();
    /** department/feed → source keys seen. */
    private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String cursor;
    private Thread thread;

    FeedReader(int port, String key) {
        this.base = "http://127.0.0.1:" + port + "/api/v1/records?limit=1000";
        this.key = key;
    }

    void start() {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                readToEnd();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "faults-feed-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(30_000);
        }
    }

    /** Reads pages until the last; returns quietly when the hub does not answer (it was killed). */
    void readToEnd() {
        try {
            while (true) {
                String url = cursor == null ? base : base + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return;
                }
                JsonNode page = HubJson.mapper().readTree(r.body());
                for (JsonNode item : page.path("items")) {
                    JsonNode id = item.path("identity");
                    Seen seen = new Seen(id.path("department").asText(), id.path("feed").asText(),
                            id.path("sourceKey").asText(), id.path("version").asLong());
                    positions.put(item.path("feedSeq").asLong(), seen);
                    keys.computeIfAbsent(seen.department() + "/" + seen.feed(), k -> ConcurrentHashMap.newKeySet())
                            .add(seen.sourceKey());
                }
                cursor = page.path("nextCursor").asText();
                if (!page.path("more").asBoolean()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the hub is down or restarting: the cursor is kept
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<Long, Seen> positions() {
        return positions;
    }

    /** Source keys of department/feed the reader has seen. */
    Set<String> keys(String department, String feed) {
        return keys.getOrDefault(department + "/" + feed, Set.of());
    }

    /** Feed positions seen of a department's records. */
    Set<Long> positionsOf(String department) {
        Set<Long> out = new java.util.TreeSet<>();
        positions.forEach((seq, s) -> {
            if (s.department().equals(department)) {
                out.add(seq);
            }
        });
        return out;
    }
}
