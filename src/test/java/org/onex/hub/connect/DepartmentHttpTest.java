package org.onex.hub.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onex.hub.connect.DepartmentHttp.Outcome;

import com.sun.net.httpserver.HttpServer;

/** The one HTTP client of department pulls and REST inboxes: its classification, and what it sends. */
class DepartmentHttpTest {

    @ParameterizedTest
    @CsvSource({"200, OK", "204, OK", "301, MOVED", "308, MOVED", "408, UNAVAILABLE", "429, UNAVAILABLE",
            "502, UNAVAILABLE", "503, UNAVAILABLE", "504, UNAVAILABLE", "500, SERVER_ERROR", "501, SERVER_ERROR",
            "400, REFUSED", "401, REFUSED", "404, REFUSED", "409, REFUSED", "101, REFUSED"})
    void everyStatusHasOneMeaning(int status, Outcome outcome) {
        assertThat(Outcome.of(status)).isEqualTo(outcome);
    }

    @Test
    void aPostCarriesTheBodyAndTheGivenHeadersAndFollowsNoRedirect() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> seen = new AtomicReference<>();
        server.createContext("/inbox", exchange -> {
            seen.set(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Location", "http://elsewhere.example/inbox");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
        try {
            DepartmentHttp http = new DepartmentHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
            DepartmentHttp.Answer answer = http.postJson(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/inbox"), Map.of("Idempotency-Key", "7-v1-scjgj"), "{\"a\":\"统一\"}");
            assertThat(answer.status()).isEqualTo(307);
            assertThat(answer.outcome()).isEqualTo(Outcome.MOVED);
            assertThat(answer.location()).isEqualTo("http://elsewhere.example/inbox");
            assertThat(seen.get()).isEqualTo("7-v1-scjgj application/json {\"a\":\"统一\"}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aClosedPortIsUnreachableNotAnAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DepartmentHttp http = new DepartmentHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port + "/api"), Map.of()))
                .isInstanceOf(DepartmentHttp.UnreachableException.class).hasMessageContaining("ConnectException");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeout() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            DepartmentHttp http = new DepartmentHttp(Duration.ofSeconds(2), Duration.ofMillis(300));
            assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/slow"), Map.of()))
                    .isInstanceOfSatisfying(DepartmentHttp.UnreachableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessage("request timed out");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
