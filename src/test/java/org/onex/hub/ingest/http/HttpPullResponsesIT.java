package org.onex.hub.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.it.TestDatabases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The wire contract of a department API, against a real HTTP server: what the hub sends, how it reads a
 * page, and which answers it retries (unavailable) or stops the feed for (refused), with the message an
 * operator sees. The credential never appears in a message.
 */
class HttpPullResponsesIT {

    private static final String TOKEN = "Bearer s3cret-t0ken";

    private static HttpServer server;
    private static ExecutorService threads;
    private static volatile Answer answer;
    private static volatile HttpExchange lastRequest;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** What the department API answers next; {@code hang} holds the response until the test ends. */
    record Answer(int status, String body, String location, boolean hang) {
        static Answer of(int status, String body) {
            return new Answer(status, body, null, false);
        }
    }

    @BeforeAll
    static void startServer() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/licences", HttpPullResponsesIT::answer);
        server.start();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        RELEASE.countDown();
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        lastRequest = exchange;
        Answer a = answer;
        if (a.hang()) {
            try {
                RELEASE.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (a.location() != null) {
            exchange.getResponseHeaders().add("Location", a.location());
        }
        byte[] body = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(a.status(), a.status() == 204 || body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/licences";
    }

    private static DepartmentApi api(String url, String items, String next) {
        return new DepartmentApi(new HttpFeedSpec("scjgj", "licences", URI.create(url), "since", "page", "limit", 3,
                items, next, "UPDATED_AT", "1970-01-01T00:00:00", "Authorization", TOKEN, Duration.ofSeconds(2),
                Duration.ofMillis(500), 50));
    }

    private static DepartmentApi.Page fetch(Answer a) {
        answer = a;
        return api(base(), "/items", "/next").fetch("2025-03-01T09:00:00", "p 2");
    }

    @Test
    void requestCarriesTheCursorTheTokenAndTheCredential() {
        fetch(Answer.of(200, "{\"items\":[]}"));

        assertThat(lastRequest.getRequestMethod()).isEqualTo("GET");
        assertThat(lastRequest.getRequestURI().getRawQuery())
                .isEqualTo("since=2025-03-01T09%3A00%3A00&limit=3&page=p+2");
        assertThat(lastRequest.getRequestHeaders().getFirst("Authorization")).isEqualTo(TOKEN);
        assertThat(lastRequest.getRequestHeaders().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void rowsKeepTheirJsonTypesAndFieldNamesAreCaseInsensitive() {
        DepartmentApi.Page page = fetch(Answer.of(200, "{\"items\":[{\"XK_WSH\":\"武市监许〔2025〕7号\",\"n\":3,"
                + "\"amount\":12.50,\"ok\":true,\"none\":null,\"tags\":[\"a\"]}],\"next\":\"t-2\"}"));

        assertThat(page.next()).isEqualTo("t-2");
        assertThat(page.rows()).hasSize(1);
        Map<String, Object> row = page.rows().get(0);
        assertThat(row).contains(entry("XK_WSH", "武市监许〔2025〕7号"), entry("n", 3L),
                entry("amount", new BigDecimal("12.50")), entry("ok", true), entry("tags", "[\"a\"]"));
        assertThat(row).containsKey("none");
        assertThat(row.get("xk_wsh")).isEqualTo("武市监许〔2025〕7号");
    }

    static Stream<Arguments> lastPages() {
        return Stream.of(
                Arguments.of(Answer.of(200, "{\"items\":[]}"), null),
                Arguments.of(Answer.of(200, "{\"items\":[],\"next\":null}"), null),
                Arguments.of(Answer.of(200, "{\"items\":[],\"next\":\"\"}"), null),
                Arguments.of(Answer.of(200, "{\"items\":[],\"next\":42}"), "42"),
                Arguments.of(Answer.of(204, null), null));
    }

    @ParameterizedTest(name = "{0} -> next {1}")
    @MethodSource("lastPages")
    void nextTokenMissingNullOrEmptyEndsThePass(Answer a, String next) {
        assertThat(fetch(a).next()).isEqualTo(next);
    }

    @Test
    void pointersReachNestedRowsAndTokens() {
        answer = Answer.of(200, "{\"data\":{\"rows\":[{\"ID\":1}]},\"paging\":{\"cursor\":\"c9\"}}");

        DepartmentApi.Page page = api(base(), "/data/rows", "/paging/cursor").fetch("S", null);

        assertThat(page.rows()).hasSize(1);
        assertThat(page.next()).isEqualTo("c9");
        assertThat(lastRequest.getRequestURI().getRawQuery()).isEqualTo("since=S&limit=3");
    }

    static Stream<Arguments> unavailable() {
        return Stream.of(
                Arguments.of(Answer.of(500, "boom"), "HTTP 500 Internal Server Error from GET %s (response: boom)"),
                Arguments.of(Answer.of(503, ""), "HTTP 503 Service Unavailable from GET %s"),
                Arguments.of(Answer.of(502, null), "HTTP 502 Bad Gateway from GET %s"),
                Arguments.of(Answer.of(408, null), "HTTP 408 Request Timeout from GET %s"),
                Arguments.of(Answer.of(429, "{\"retryAfter\":10}"),
                        "HTTP 429 Too Many Requests from GET %s (response: {\"retryAfter\":10})"),
                Arguments.of(new Answer(200, "{\"items\":[]}", null, true), "GET %s timed out: request timed out"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unavailable")
    void serverTroubleIsRetried(Answer a, String message) {
        assertThatThrownBy(() -> fetch(a)).isInstanceOf(ApiUnavailableException.class)
                .hasMessage(message.formatted(base()));
    }

    @Test
    void unreachableApiIsRetried() {
        DepartmentApi closed = api("http://127.0.0.1:" + TestDatabases.freePort() + "/api/x", "/items",
                "/next");

        assertThatThrownBy(() -> closed.fetch("S", null)).isInstanceOf(ApiUnavailableException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:")
                .hasMessageContaining("/api/x failed: ConnectException");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Answer.of(401, "{\"error\":\"invalid token " + TOKEN + "\"}"),
                        "HTTP 401 Unauthorized from GET %s (response: {\"error\":\"invalid token ***\"}):"
                                + " the department API refused the hub; fix the credentials (authHeader, authValue)"),
                Arguments.of(Answer.of(403, null), "HTTP 403 Forbidden from GET %s: the department API refused the hub;"
                        + " fix the credentials (authHeader, authValue)"),
                Arguments.of(Answer.of(404, null), "HTTP 404 Not Found from GET %s: the department API refused the hub;"
                        + " fix the url parameter"),
                Arguments.of(Answer.of(400, "since: bad format"), "HTTP 400 Bad Request from GET %s (response: since:"
                        + " bad format): the department API refused the hub; check the request (sinceParam,"
                        + " limitParam, pageParam, pageSize) with the department"),
                Arguments.of(new Answer(301, null, "https://new.example/api/v2?key=SECRET", false),
                        "HTTP 301 Moved Permanently from GET %s: the API moved to https://new.example/api/v2; fix the url parameter"),
                Arguments.of(Answer.of(200, "<html>login</html>"), "response of GET %s is not JSON (response:"
                        + " <html>login</html>); check the url and the API contract with the department"),
                Arguments.of(Answer.of(200, "\"ok\""), "response of GET %s is not JSON (response: \"ok\");"
                        + " check the url and the API contract with the department"),
                Arguments.of(Answer.of(200, "{\"rows\":[]}"), "response of GET %s has no array at /items; set"
                        + " itemsPointer to where the API puts its rows"),
                Arguments.of(Answer.of(200, "{\"items\":[{\"a\":1},7]}"), "item 2 at /items of GET %s is not a JSON"
                        + " object; ask the department to send each row as an object of fields"),
                Arguments.of(Answer.of(200, "{\"items\":[],\"next\":{\"offset\":3}}"), "the next-page token at /next"
                        + " of GET %s is not text or a number; set nextPointer to the token"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusalsAndBrokenContractsStopTheFeed(Answer a, String message) {
        assertThatThrownBy(() -> fetch(a)).isInstanceOf(ApiRefusedException.class)
                .hasMessage(message.formatted(base())).hasMessageNotContaining("s3cret");
    }
}
