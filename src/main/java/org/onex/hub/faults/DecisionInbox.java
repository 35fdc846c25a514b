package org.onex.hub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * 交通运输局's HTTP inbox for the bureau's decisions, served by this JVM on a fixed local port: keeps the first
 * request per delivery (Idempotency-Key) and answers 201, 409 for one it already has (its idempotency answer);
 * counts every receipt by delivery id. Its outage answers 503 for a while ({@link #unavailable}), then refuses
 * connections ({@link #stop}); {@link #start} restores it on the same port.
 */
final class DecisionInbox implements AutoCloseable {

    private final int port = FaultPorts.free();
    /** Delivery id → document number of the decision, for each delivery received at least once. */
    private final Map<Long, String> deliveries = new ConcurrentHashMap<>();
    /** Document number → the delivery ids it arrived under (more than one is a duplicate delivery). */
    private final Map<String, Set<Long>> decisions = new ConcurrentHashMap<>();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong refusedWhileUnavailable = new AtomicLong();
    private volatile boolean unavailable;
    private volatile HttpServer server;

    DecisionInbox() {
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/inbox";
    }

    synchronized void start() {
        unavailable = false;
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            s.createContext("/inbox", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                if (unavailable) {
                    refusedWhileUnavailable.incrementAndGet();
                    status = 503;
                } else {
                    JsonNode json = HubJson.mapper().readTree(body);
                    long id = json.path("deliveryId").asLong();
                    String number = json.at("/record/document/number").asText();
                    receipts.incrementAndGet();
                    status = deliveries.putIfAbsent(id, number) == null ? 201 : 409;
                    decisions.computeIfAbsent(number, n -> ConcurrentHashMap.newKeySet()).add(id);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    /** Answers 503 Service Unavailable to every request until {@link #start} or {@link #available}. */
    void unavailable() {
        unavailable = true;
    }

    void available() {
        unavailable = false;
    }

    /** Stops listening: connections are refused. */
    synchronized void stop() {
        server.stop(0);
    }

    /** Document numbers received at least once. */
    Set<String> received() {
        return decisions.keySet();
    }

    /** Decisions that arrived under more than one delivery (a second delivery, not a repeat of the same one). */
    long duplicated() {
        return decisions.values().stream().filter(ids -> ids.size() > 1).count();
    }

    /** Requests beyond the first of each delivery (repeats the inbox's idempotency absorbed). */
    long repeats() {
        return receipts.get() - deliveries.size();
    }

    long refusedWhileUnavailable() {
        return refusedWhileUnavailable.get();
    }

    @Override
    public void close() {
        stop();
    }
}
