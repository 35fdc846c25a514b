package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13 item 6: every bad request to the API, over real HTTP, is a 4xx problem body (application/problem+json
 * with its status and a specific detail), never a 500 or Spring's {"timestamp", …}; and no request body reaches
 * the log — every body below carries a person's name, an ID number and a marker, and the captured log holds none
 * of them. Anonymous health is the status only; an operator's key shows the components.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BadRequestProbeIT {

    /** In every probe body: must never be logged. */
    private static final String NAME = "欧阳娜娜";
    private static final String ID = "330723198506120313";
    private static final String MARK = "PROBE-BODY-MARK";
    private static final String SECRET = NAME + " " + ID + " " + MARK;
    private static final String PUSH_KEY = "demo-jtysj-push-key";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String work = Files.createTempDirectory("hub-bad-requests").toString();
        Files.createDirectories(java.nio.file.Path.of(work, "routes"));
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.data-dir", () -> work + "/data");
        registry.add("hub.routes-dir", () -> work + "/routes");
        registry.add("spring.artemis.embedded.persistent", () -> "false");
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext hub;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One bad request and what its answer must say. */
    private record Probe(String name, String method, String path, String key, String contentType, byte[] body,
            String accept, int status, String detail) {
    }

    @Test
    void everyBadRequestIsA4xxProblemBodyAndNoBodyIsLogged(CapturedOutput log) throws Exception {
        String operator = TestClients.key(hub, "probe-operator", Role.OPERATOR, null);
        String json = "{\"comment\": \"" + SECRET + "\"}";
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("invalid UTF-8 in JSON", "POST", "/api/v1/alerts/1/ack", operator, "application/json",
                        concat("{\"comment\": \"" + MARK, new byte[] {(byte) 0xC3, 0x28}, "\"}"), null, 400,
                        "not valid UTF-8 at byte " + ("{\"comment\": \"" + MARK).length()),
                new Probe("invalid UTF-8 pushed", "POST", "/api/v1/ingest/jtysj/licences", PUSH_KEY, "application/json",
                        concat("[{\"holderName\": \"" + MARK, new byte[] {(byte) 0xFF}, "\"}]"), null, 400,
                        "not valid UTF-8 at byte"),
                new Probe("GBK declared UTF-8", "POST", "/api/v1/alerts/1/ack", operator, "application/json; charset=UTF-8",
                        json.getBytes(Charset.forName("GBK")), null, 400, "not valid UTF-8 at byte 15"), // 欧 (C5 B7) passes as UTF-8
                new Probe("a form to a JSON API", "POST", "/api/v1/alerts/1/ack", operator,
                        "application/x-www-form-urlencoded", ("comment=" + SECRET).getBytes(StandardCharsets.UTF_8), null,
                        415, "'application/x-www-form-urlencoded' is not accepted here: send application/json"),
                new Probe("a form without pairs", "POST", "/api/v1/deliveries/1/discard", operator,
                        "application/x-www-form-urlencoded", SECRET.getBytes(StandardCharsets.UTF_8), null, 415,
                        "send application/json"),
                new Probe("a form pushed", "POST", "/api/v1/ingest/jtysj/licences", PUSH_KEY,
                        "application/x-www-form-urlencoded", ("holderName=" + SECRET + "&x=%ZZ").getBytes(StandardCharsets.UTF_8),
                        null, 415, "send application/json or application/x-ndjson"),
                new Probe("text/plain", "POST", "/api/v1/obligations/1/complete", operator, "text/plain",
                        SECRET.getBytes(StandardCharsets.UTF_8), null, 415, "'text/plain' is not accepted"),
                new Probe("a charset other than UTF-8", "POST", "/api/v1/alerts/1/ack", operator,
                        "application/json; charset=GBK", json.getBytes(Charset.forName("GBK")), null, 415,
                        "charset 'GBK' is not accepted"),
                new Probe("an unknown charset", "POST", "/api/v1/alerts/1/ack", operator, "application/json;charset=bogus-9",
                        json.getBytes(StandardCharsets.UTF_8), null, 415, "charset 'bogus-9' is not accepted"),
                new Probe("not a media type", "POST", "/api/v1/alerts/1/ack", operator, "json",
                        json.getBytes(StandardCharsets.UTF_8), null, 415, "is not a media type"),
                new Probe("truncated JSON", "POST", "/api/v1/alerts/1/ack", operator, "application/json",
                        ("{\"comment\": \"" + SECRET).getBytes(StandardCharsets.UTF_8), null, 400, "not JSON"),
                new Probe("an array for an object", "POST", "/api/v1/alerts/1/ack", operator, "application/json",
                        ("[\"" + SECRET + "\"]").getBytes(StandardCharsets.UTF_8), null, 400, "comment"),
                new Probe("an object for an array", "POST", "/api/v1/ingest/jtysj/licences", PUSH_KEY, "application/json",
                        ("{\"holderName\": \"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8), null, 400,
                        "expected a JSON array of row objects"),
                new Probe("truncated NDJSON", "POST", "/api/v1/ingest/jtysj/licences", PUSH_KEY, "application/x-ndjson",
                        ("{\"holderName\": \"" + SECRET).getBytes(StandardCharsets.UTF_8), null, 400, "malformed ndjson"),
                new Probe("an unknown path", "GET", "/api/v1/nope", operator, null, null, null, 404,
                        "no API operation at GET /api/v1/nope"),
                new Probe("an unknown path, POST", "POST", "/api/v1/records/1/erase", operator, "application/json",
                        json.getBytes(StandardCharsets.UTF_8), null, 404, "no API operation at POST /api/v1/records/1/erase"),
                new Probe("a wrong method", "DELETE", "/api/v1/records", operator, null, null, null, 405,
                        "DELETE is not allowed on /api/v1/records; allowed: GET"),
                new Probe("GET of an action", "GET", "/api/v1/alerts/1/ack", operator, null, null, null, 405,
                        "allowed: POST"),
                new Probe("an Accept the API cannot answer", "GET", "/api/v1/records", operator, null, null,
                        "application/xml", 406, "answers application/json"),
                new Probe("an unknown category", "GET", "/api/v1/records?category=C9", operator, null, null, null, 400,
                        "category 'C9' is not one of"),
                new Probe("a limit that is not a number", "GET", "/api/v1/records?limit=" + MARK, operator, null, null,
                        null, 400, "is not a number"),
                new Probe("an unknown parameter", "GET", "/api/v1/alerts?color=red", operator, null, null, null, 400,
                        "unknown parameter 'color'"),
                new Probe("a status that does not exist", "GET", "/api/v1/deliveries?status=LOST", operator, null, null,
                        null, 400, "status"),
                new Probe("a quarantine rule that does not exist", "GET", "/api/v1/quarantine?rule=NOPE", operator, null,
                        null, null, 400, "rule 'NOPE' is not one of [CATEGORY_MISMATCH, CERTIFICATE_FORMAT,"),
                new Probe("an obligation rule that does not exist", "GET", "/api/v1/obligations?rule=R-NOPE", operator,
                        null, null, null, 400, "rule 'R-NOPE' is not one of [R-"),
                new Probe("a record id that is not a number", "GET", "/api/v1/records/" + MARK, operator, null, null,
                        null, 400, "is not a number"),
                new Probe("a query that is not UTF-8", "GET", "/api/v1/records?creditCode=%C3%28", operator, null, null,
                        null, 400, "query parameter 'creditCode' is not percent-encoded UTF-8"),
                new Probe("no key", "GET", "/api/v1/nope", null, null, null, null, 401, "API key is required")));
        for (Probe p : probes) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(p.path())))
                    .method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(p.body()));
            if (p.key() != null) {
                b.header("Authorization", "Bearer " + p.key());
            }
            if (p.contentType() != null) {
                b.header("Content-Type", p.contentType());
            }
            if (p.accept() != null) {
                b.header("Accept", p.accept());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(p.name(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    p.status(), p.detail());
            if (p.status() == 405) {
                assertThat(r.headers().firstValue("Allow")).as(p.name()).isPresent();
            }
        }

        // what java.net.http will not send: a body shorter than its Content-Length, a huge Content-Length, a body
        // without Content-Type, a malformed %-escape
        byte[] shortBody = ("{\"comment\": \"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
        Raw lie = raw("POST /api/v1/alerts/1/ack", operator, "Content-Type: application/json\r\nContent-Length: 5000",
                shortBody);
        // Tomcat itself refuses the request once the client stops sending; its error page is a problem body too
        assertProblem("a Content-Length lie", lie.status(), lie.contentType(), lie.body(), 400,
                "a body that ended before its Content-Length");
        Raw huge = raw("POST /api/v1/alerts/1/ack", operator, "Content-Type: application/json\r\nContent-Length: 99999999999",
                shortBody);
        assertProblem("a huge Content-Length", huge.status(), huge.contentType(), huge.body(), 413, "larger than");
        Raw untyped = raw("POST /api/v1/alerts/1/ack", operator, "Content-Length: " + shortBody.length, shortBody);
        assertProblem("a body without Content-Type", untyped.status(), untyped.contentType(), untyped.body(), 415,
                "needs a Content-Type");
        Raw escape = raw("GET /api/v1/records?category=%E4%ZZ", operator, "", new byte[0]);
        assertProblem("a malformed %-escape", escape.status(), escape.contentType(), escape.body(), 400,
                "query parameter 'category' is not percent-encoded UTF-8");

        String output = log.getAll();
        assertThat(output).as("no request body in the log").doesNotContain(NAME, ID, MARK, "330723********0313");
        assertThat(output).as("no exception of a bad request logged").doesNotContain("DefaultErrorHandler",
                "DefaultHandlerExceptionResolver", "Cannot parse body", "Character decoding failed");
    }

    @Test
    void answersAreCompactJsonUnlessThePersonAsksForPretty() throws Exception {
        // the operator's answers go through value masking, the bureau's do not: both are compact
        for (String key : List.of(TestClients.key(hub, "probe-json-operator", Role.OPERATOR, null),
                TestClients.key(hub, "probe-json-bureau", Role.BUREAU, "zhzf"))) {
            String compact = get("/api/v1/departments", key).body();
            assertThat(compact).startsWith("{\"items\":[{").doesNotContain("\n");
            String pretty = get("/api/v1/departments?pretty", key).body();
            assertThat(pretty).startsWith("{\n  \"items\" : [ {");
            assertThat(HubJson.mapper().readTree(pretty)).isEqualTo(HubJson.mapper().readTree(compact));
            assertThat(get("/api/v1/alerts?pretty=true&status=OPEN", key).body()).contains("\n");
        }
    }

    @Test
    void anonymousHealthIsTheStatusOnlyAndAnOperatorSeesTheComponents() throws Exception {
        assertThat(get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/departments", null).statusCode()).as("a component, anonymously").isEqualTo(404);
        assertThat(get("/actuator/health/db", null).body()).doesNotContain("H2", "database");

        String operator = TestClients.key(hub, "probe-health-operator", Role.OPERATOR, null);
        JsonNode full = HubJson.mapper().readTree(get("/actuator/health", operator).body());
        assertThat(full.path("components").has("db")).as(full.toString()).isTrue();
        assertThat(full.path("components").has("departments")).isTrue();
        assertThat(HubJson.mapper().readTree(get("/actuator/health/db", operator).body()).at("/details/database")
                .asText()).isEqualTo("H2");
        String bureau = TestClients.key(hub, "probe-health-bureau", Role.BUREAU, "zhzf");
        assertThat(get("/actuator/health", bureau).body()).as("a role without operations").isEqualTo("{\"status\":\"UP\"}");
    }

    private static void assertProblem(String name, int status, String contentType, String body, int expected,
            String detail) throws IOException {
        assertThat(status).as(name + ": " + body).isEqualTo(expected);
        assertThat(contentType).as(name).startsWith("application/problem+json");
        JsonNode problem = HubJson.mapper().readTree(body);
        assertThat(problem.path("status").asInt()).as(name).isEqualTo(expected);
        assertThat(problem.path("title").asText()).as(name).isNotBlank();
        assertThat(problem.path("detail").asText()).as(name).contains(detail);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static byte[] concat(String before, byte[] bad, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + bad.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(bad, 0, out, a.length, bad.length);
        System.arraycopy(c, 0, out, a.length + bad.length, c.length);
        return out;
    }

    private record Raw(int status, String contentType, String body) {
    }

    /** A request written by hand on a socket; the client then stops sending (half-close) and reads the answer. */
    private Raw raw(String requestLine, String key, String headers, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key + "\r\n"
                    + (headers.isEmpty() ? "" : headers + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^Content-Type: *(.+?)\\r?$").matcher(answer);
            String rest = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                rest = rest.substring(rest.indexOf("\r\n") + 2, rest.lastIndexOf("}") + 1);
            }
            return new Raw(status, type.find() ? type.group(1) : "", rest);
        }
    }
}
