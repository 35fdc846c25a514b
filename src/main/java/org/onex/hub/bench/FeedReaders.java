package org.onex.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * API clients paging the feed ({@code GET /api/v1/records?limit=}{@value #LIMIT}) over real HTTP, one thread and
 * one key each: from the start to the last page, then from the start again, until stopped. A 429 (the per-client
 * rate limit) or a 503 with Retry-After (no feed-read slot came free in time) is counted and waited out as its
 * Retry-After says; any other answer but 200 stops the run.
 */
final class FeedReaders {

    /** The page size: the largest the API serves. */
    static final int LIMIT = 1000;

    /** What a page says of itself: its items, where the next one starts, whether there is one. */
    record Page(int items, String nextCursor, boolean more) {
    }

    /**
     * Figures of one run of the readers; latencies in milliseconds, sorted; {@code cpuSeconds} the CPU the readers'
     * own threads used (sending, receiving and counting pages, in the benchmark's JVM beside the hub).
     */
    record Result(long records, long pages, long throttled, double seconds, double[] latencyMs, double cpuSeconds) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<String> keys;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<double[]> latencies = new ArrayList<>();
    private final int[] counts;
    private long begin;

    FeedReaders(int port, List<String> keys) {
        this.base = "http://127.0.0.1:" + port + "/api/v1/records?limit=" + LIMIT;
        this.keys = keys;
        this.counts = new int[keys.size()];
    }

    void start() {
        running.set(true);
        begin = System.nanoTime();
        for (int i = 0; i < keys.size(); i++) {
            int reader = i;
            latencies.add(new double[1024]);
            Thread t = new Thread(() -> read(reader), "bench-reader-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Stops every reader after its current request; rethrows the first failure. */
    Result stop() throws Exception {
        running.set(false);
        for (Thread t : threads) {
            t.join(120_000);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        int n = Arrays.stream(counts).sum();
        double[] all = new double[n];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(records.get(), n, throttled.get(), seconds, all, cpuNanos.get() / 1e9);
    }

    private void read(int reader) {
        String cursor = null;
        try {
            while (running.get()) {
                String url = cursor == null ? base : base + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + keys.get(reader)).build();
                long start = System.nanoTime();
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - start) / 1e6;
                boolean retryAfter = r.headers().firstValue("Retry-After").isPresent();
                if (r.statusCode() == 429 || r.statusCode() == 503 && retryAfter) {
                    throttled.incrementAndGet();
                    Thread.sleep(1000L * r.headers().firstValueAsLong("Retry-After").orElse(1));
                    continue;
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("reader " + (reader + 1) + ": HTTP " + r.statusCode() + " for " + url
                            + ": " + new String(r.body(), 0, Math.min(r.body().length, 500), StandardCharsets.UTF_8));
                }
                Page page = page(r.body());
                records.addAndGet(page.items());
                record(reader, ms);
                cursor = page.more() ? page.nextCursor() : null; // at the end: from the start again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            running.set(false);
        } finally {
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); // -1 where not supported
            cpuNanos.addAndGet(Math.max(0, cpu));
        }
    }

    private void record(int reader, double ms) {
        double[] mine = latencies.get(reader);
        if (counts[reader] == mine.length) {
            mine = Arrays.copyOf(mine, mine.length * 2);
            latencies.set(reader, mine);
        }
        mine[counts[reader]++] = ms;
    }

    /**
     * Reads a feed page's items (counted, not kept: the client's work stays small beside the hub's), nextCursor and
     * more.
     */
    static Page page(byte[] body) throws IOException {
        int items = 0;
        String next = null;
        boolean more = false;
        try (JsonParser p = HubJson.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a feed page is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        items++;
                    }
                } else if ("nextCursor".equals(field)) {
                    next = p.getValueAsString();
                } else if ("more".equals(field)) {
                    more = p.getValueAsBoolean();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(items, next, more);
    }
}
