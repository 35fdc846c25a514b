package org.onex.hub.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A department's HTTP inbox (a real JDK HTTP server on a local port): keeps the first request per
 * Idempotency-Key (answering a repeat 201, or 409 if {@link #conflictOnRepeat}), records every request's headers
 * and answer, can refuse bodies containing a text with 500 (a
 * poison decision), and can be stopped and started again on the same port (an outage).
 */
final class RestInbox implements AutoCloseable {

    /** A request and the status it was answered with. */
    record Request(String key, Map<String, List<String>> headers, String body, int status) {
    }

    final int port = TestDatabases.freePort();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Idempotency key → body of the first accepted request, in arrival order of keys. */
    final Map<String, String> accepted = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    final Set<String> poison = ConcurrentHashMap.newKeySet();
    /** A slow department: each answer takes this long (server side), so a test can stop the hub mid-delivery. */
    volatile long answerMillis;
    /** A department that answers 409 Conflict to a key it already has (issue 13), instead of 201 again. */
    volatile boolean conflictOnRepeat;
    private volatile HttpServer server;

    RestInbox() {
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/inbox";
    }

    synchronized void start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            s.createContext("/inbox", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (answerMillis > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(answerMillis * 1_000_000L);
                }
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                int status = poison.stream().anyMatch(body::contains) ? 500 : 201;
                if (status == 201 && accepted.putIfAbsent(key, body) != null && conflictOnRepeat) {
                    status = 409;
                }
                requests.add(new Request(key, Map.copyOf(exchange.getRequestHeaders()), body, status));
                byte[] answer = (status == 201 ? "{\"ok\":true}" : status == 409 ? "{\"error\":\"already received\"}"
                        : "{\"error\":\"cannot file this decision\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            s.start();
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    synchronized void stop() {
        server.stop(0);
    }

    long requestsFor(String text) {
        return requests.stream().filter(r -> r.body().contains(text)).count();
    }

    @Override
    public void close() {
        stop();
    }
}
