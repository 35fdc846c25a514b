package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.alert.Alerts;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.WatermarkStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The http-source template end to end: a department licence API (a real HTTP server with since-cursor and
 * page tokens) pulled by the whole hub into its store. Pages and the cursor, retries of server errors, and
 * a refused credential stopping the feed with an alert.
 */
class HttpPullIT {

    private static final String ROUTE = "scjgj-licences-pull";
    private static final String EPOCH = "1970-01-01T00:00:00";
    /** authValue comes from the environment as in production; PATH is a variable every test JVM has. */
    private static final String TOKEN = System.getenv("PATH");

    private LicenceApi api;
    private Path work;
    private ConfigurableApplicationContext hub;

    @BeforeEach
    void serve() throws IOException {
        api = new LicenceApi();
        work = Files.createTempDirectory("hub-http-pull");
    }

    @AfterEach
    void stop() throws IOException {
        if (hub != null) {
            hub.close();
        }
        api.close();
        FileSystemUtils.deleteRecursively(work);
    }

    @Test
    void pagesAreStoredWithTheirCursorAndTheNextPassStartsAtTheLargestTime() {
        for (int i = 1; i <= 7; i++) {
            api.put(LicenceApi.licence(i, "2026-03-01T10:00:0" + i, "准予食品经营许可"));
        }
        start(Map.of("pageSize", "3"));

        await().atMost(Duration.ofSeconds(15)).until(() -> count("hub_record") == 7);
        assertThat(api.first(3)).containsExactly(
                new Request(EPOCH, null, "3", TOKEN, 200), new Request(EPOCH, "3", "3", TOKEN, 200),
                new Request(EPOCH, "6", "3", TOKEN, 200));
        await().atMost(Duration.ofSeconds(5)).until(() -> since().equals("2026-03-01T10:00:07"));
        assertThat(watermark().has("page")).as("pass complete").isFalse();
        assertThat(count("hub_record_version")).isEqualTo(7);

        api.put(LicenceApi.licence(2, "2026-03-01T10:05:00", "变更经营项目"));

        await().atMost(Duration.ofSeconds(15)).until(() -> count("hub_record_version") == 8);
        assertThat(api.requests).contains(new Request("2026-03-01T10:00:07", null, "3", TOKEN, 200));
        await().atMost(Duration.ofSeconds(5)).until(() -> since().equals("2026-03-01T10:05:00"));
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM hub_record_version v JOIN hub_record r"
                + " ON r.id = v.record_id WHERE r.source_key = 'HTTP-PULL-2'", Long.class)).isEqualTo(2);
        assertThat(count("hub_record")).isEqualTo(7);
        assertThat(count("hub_quarantine")).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithBackOffAndTheSamePageIsAskedAgain() {
        api.put(LicenceApi.licence(1, "2026-03-01T11:00:00", "准予"));
        api.put(LicenceApi.licence(2, "2026-03-01T11:00:01", "准予"));
        api.failures.addAll(List.of(500, 503));
        start(Map.of("maxRetries", "3"));

        await().atMost(Duration.ofSeconds(15)).until(() -> count("hub_record") == 2);
        assertThat(api.first(3)).extracting(Request::status).containsExactly(500, 503, 200);
        assertThat(api.first(3)).extracting(Request::since, Request::page)
                .containsOnly(tuple(EPOCH, null));
        assertThat(openAlerts()).isEmpty();
    }

    @Test
    void exhaustedRetriesGiveUpOnlyThePollAndTheNextPollReadsOn() {
        api.put(LicenceApi.licence(1, "2026-03-01T12:00:00", "准予"));
        api.failures.addAll(List.of(503, 502, 504));
        start(Map.of("maxRetries", "1"));

        await().atMost(Duration.ofSeconds(15)).until(() -> count("hub_record") == 1);
        // poll 1: 503, retry 502, given up; poll 2: 504, retry 200
        assertThat(api.first(4)).extracting(Request::status).containsExactly(503, 502, 504, 200);
        assertThat(camel().getRouteController().getRouteStatus(ROUTE).isStarted()).isTrue();
        assertThat(openAlerts()).isEmpty();
    }

    @Test
    void unauthorizedStopsTheFeedWithAnAlertAndNoFurtherRequests() {
        api.put(LicenceApi.licence(1, "2026-03-01T13:00:00", "准予"));
        api.failures.add(401);
        start(Map.of());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> camel().getRouteController().getRouteStatus(ROUTE).isStopped());
        List<Alert> alerts = openAlerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).subject()).isEqualTo(ROUTE);
        assertThat(alerts.get(0).message()).startsWith("HTTP 401 Unauthorized from GET " + api.url() + " (response: ")
                .contains("fix the credentials")
                .endsWith("and resume route " + ROUTE + " (a hub restart also resumes it)")
                .doesNotContain(TOKEN);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> api.requests.size() == 1);
        assertThat(count("hub_record")).isZero();
        assertThat(hub.getBean(WatermarkStore.class).load("scjgj", "licences")).isEmpty();
    }

    private void start(Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("department", "scjgj");
        p.put("feed", "licences");
        p.put("url", api.url());
        p.put("authHeader", "Authorization");
        p.put("authValue", "{{env:PATH}}");
        p.put("pollInterval", "200ms");
        p.put("initialDelay", "100ms");
        p.put("retryDelay", "50ms");
        p.putAll(overrides);
        String yaml = "- templatedRoute:\n    routeTemplateRef: http-source\n    routeId: " + ROUTE
                + "\n    parameters:\n" + p.entrySet().stream()
                        .map(e -> "      - { name: " + e.getKey() + ", value: \"" + e.getValue() + "\" }")
                        .collect(Collectors.joining("\n")) + "\n";
        try {
            Files.createDirectories(work.resolve("routes"));
            Files.writeString(work.resolve("routes").resolve("scjgj.camel.yaml"), yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }

    private CamelContext camel() {
        return hub.getBean(CamelContext.class);
    }

    private JdbcTemplate jdbc() {
        return hub.getBean(JdbcTemplate.class);
    }

    private long count(String table) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE department = 'scjgj' AND feed = 'licences'", Long.class);
    }

    private String since() {
        return watermark().path("since").asText();
    }

    private JsonNode watermark() {
        try {
            return HubJson.mapper().readTree(hub.getBean(WatermarkStore.class).load("scjgj", "licences").orElse("{}"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Alert> openAlerts() {
        return hub.getBean(AlertStore.class).list("OPEN", "scjgj", Alerts.SOURCE_STOPPED, null, 10);
    }

    /** One request the department API received, with the status it answered. */
    record Request(String since, String page, String limit, String auth, int status) {
    }

    /**
     * The department's licence API: rows at or after {@code since} in (UPDATED_AT, XK_WSH) order, {@code limit}
     * per page, the next page's offset as the token. Statuses in {@code failures} are answered first, one per
     * request.
     */
    static final class LicenceApi implements AutoCloseable {

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
        private final Map<String, Map<String, Object>> rows = new ConcurrentHashMap<>();
        private final HttpServer server;

        LicenceApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/licences", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/licences";
        }

        /** A licence in the national 双公示 XK_* layout that mappings/scjgj/licences.yaml reads. */
        static Map<String, Object> licence(int n, String updatedAt, String content) {
            Random r = new Random(n);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("XK_WSH", "HTTP-PULL-" + n);
            row.put("XK_XDR_MC", SyntheticData.companyName(r));
            row.put("XK_XDR_LB", "02");
            row.put("XK_XDR_SHXYM", SyntheticData.creditCode(r));
            row.put("XK_XKWS", "食品经营许可准予许可决定书");
            row.put("XK_XKLB", "01");
            row.put("XK_NR", content);
            row.put("XK_JDRQ", "2026-02-26");
            row.put("XK_ZT", "1");
            row.put("UPDATED_AT", updatedAt);
            return row;
        }

        /** The first requests received, as they stand now (more keep arriving while the hub polls). */
        List<Request> first(int n) {
            return List.copyOf(requests).subList(0, n);
        }

        void put(Map<String, Object> row) {
            rows.put((String) row.get("XK_WSH"), row);
        }

        private void handle(HttpExchange exchange) throws IOException {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            Integer failure = failures.poll();
            int status = failure == null ? 200 : failure;
            requests.add(new Request(q.get("since"), q.get("page"), q.get("limit"),
                    exchange.getRequestHeaders().getFirst("Authorization"), status));
            String body = failure == null ? page(q) : "{\"error\":\"status " + status + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private String page(Map<String, String> q) {
            List<Map<String, Object>> selected = new ArrayList<>(rows.values().stream()
                    .filter(r -> ((String) r.get("UPDATED_AT")).compareTo(q.get("since")) >= 0)
                    .sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("UPDATED_AT"))
                            .thenComparing(r -> (String) r.get("XK_WSH")))
                    .toList());
            int offset = q.get("page") == null ? 0 : Integer.parseInt(q.get("page"));
            int limit = Integer.parseInt(q.get("limit"));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", selected.subList(Math.min(offset, selected.size()),
                    Math.min(offset + limit, selected.size())));
            page.put("next", offset + limit < selected.size() ? String.valueOf(offset + limit) : null);
            return HubJson.write(page);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new LinkedHashMap<>();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return q;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
