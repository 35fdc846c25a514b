package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.alert.Alerts;
import org.onex.hub.auth.BrokerRoles;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.feed.ArtemisSecurity;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.onex.hub.schema.IdNumbers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Issue 13 item 4, the endpoint-wide PII scan: with records whose document number and source key are ID numbers
 * (driver and transport certificates), a quarantined row whose source key and sourceRef are ID numbers, a mobile
 * number in free text and an alert quoting both, EVERY endpoint of the API (enumerated from Camel's REST DSL) and
 * EVERY console page (enumerated from Spring MVC's request mappings) is called for EVERY role, and each body is
 * scanned for a valid GB 11643 ID number (check character) and a mobile number. So are the broker topics each
 * role may subscribe to, the stored audit entries and the scorecards CSV. An endpoint missing from the table of
 * calls below fails the test, so a new endpoint cannot escape the scan.
 *
 * <p>The documented exceptions (config/sharing-policy.yaml, docs/security.md "Masking by value"):
 * <ul>
 * <li>the <b>bureau</b> ({@code unmasked: [bureau]}) sees personal data as it is: it enforces on the departments'
 * decisions (R-APPROVAL-NOTICE). Its responses are scanned to prove the seeds reach the endpoints, not
 * asserted clean;</li>
 * <li>a <b>unit sees what it provided itself</b> as it is ({@code providersSeeOwnRecords}). The department
 * client here is {@code scjgj}, which provided nothing before the scan (the records come from jtysj and the
 * bureau; the penalty decision concerns scjgj, which receives it masked), so every value it sees is somebody
 * else's. Its push (a POST of its own rows) comes after every read.</li>
 * </ul>
 * Console accounts exist only for operator, admin and office (hub.console.operators); bureau and department have
 * no console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiScanIT {

    private static final String ID_LICENCE = id("33072319850612031"); // document number and source key
    private static final String ID_QUARANTINED = id("33072319900307123"); // source key of a quarantined row
    private static final String ID_REF = id("33072319781111456"); // inside a sourceRef
    private static final String ID_PENALTY = id("33072320010228789"); // a penalty's document number
    private static final String MOBILE = "13812345678";
    private static final String MOBILE_2 = "15900001111";
    private static final String PASSWORD = "scan-pass-7";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, List<String>> topicMessages = new ConcurrentHashMap<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final OpenApiContract contract = new OpenApiContract();
    private final List<String> contractProblems = new ArrayList<>();
    private int contractChecked;
    private ConfigurableApplicationContext hub;
    private Path work;
    private String origin;
    private int brokerPort;
    private long licenceRecord;
    private long penaltyRecord;
    private long quarantineId;
    private long alertId;
    private long exchangeId;
    private String exchangeAttachment;

    private static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-pii-scan");
        Files.createDirectories(work.resolve("routes"));
        brokerPort = TestDatabases.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false", "--hub.security.rate-limit.requests=100000",
                "--hub.deadline.scan-period=500", "--hub.deadline.scan-delay=200",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + brokerPort + "?protocols=CORE"));
        for (String role : List.of("OPERATOR", "ADMIN", "OFFICE")) {
            String name = "scan-" + role.toLowerCase();
            args.add("--hub.console.operators." + name + ".password-hash={noop}" + PASSWORD);
            args.add("--hub.console.operators." + name + ".role=" + role);
        }
        hub = new SpringApplicationBuilder(HubApplication.class).run(args.toArray(String[]::new));
        origin = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
        subscribeEveryMaskedRole(); // before the seeds: the hub builds a topic's view only while it has subscribers
        seed();
    }

    @AfterAll
    void stop() throws Exception {
        for (Connection c : connections) {
            c.close();
        }
        if (hub != null) {
            hub.close();
        }
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    // --- the contract -----------------------------------------------------------------------------------------

    /**
     * The OpenAPI document lists exactly the REST DSL's operations, and for each GET exactly the query parameters
     * the hub accepts: an unknown parameter is refused with the list of allowed ones, which must be the document's.
     */
    @Test
    void theOpenApiDocumentListsEveryOperationAndEveryQueryParameterTheHubAccepts() throws Exception {
        assertThat(contract.operations()).isEqualTo(apiEndpoints());
        String operator = TestClients.key(hub, "contract-operator", Role.OPERATOR, null);
        String admin = TestClients.key(hub, "contract-admin", Role.ADMIN, null);
        List<String> differences = new ArrayList<>();
        for (String operation : contract.operations()) {
            if (!operation.startsWith("GET ")) {
                continue;
            }
            String path = operation.substring(4).replace("{id}", String.valueOf(licenceRecord))
                    .replace("{sha256}", "0".repeat(64));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/v1" + path
                    + "?zz-unknown=1")).header("Authorization", "Bearer " + (path.startsWith("/audit") ? admin
                            : operator)).build(), HttpResponse.BodyHandlers.ofString());
            Set<String> accepted = new TreeSet<>();
            if (r.statusCode() == 400) {
                String detail = HubJson.mapper().readTree(r.body()).path("detail").asText();
                assertThat(detail).as(operation).contains("unknown parameter 'zz-unknown'; allowed: [");
                String list = detail.substring(detail.indexOf("allowed: [") + 10, detail.lastIndexOf(']'));
                for (String name : list.split(", ")) {
                    if (!name.isBlank()) {
                        accepted.add(name);
                    }
                }
            } else {
                assertThat(r.statusCode()).as(operation + " ignores query parameters").isEqualTo(200);
            }
            if (!accepted.equals(contract.queryParameters(operation))) {
                differences.add(operation + ": the hub accepts " + accepted + ", the document lists "
                        + contract.queryParameters(operation));
            }
        }
        assertThat(differences).isEmpty();
    }

    // --- the scan ---------------------------------------------------------------------------------------------

    @Test
    void noEndpointShowsAnUnmaskedIdOrMobileNumberToAMaskedRole() throws Exception {
        Map<String, List<Call>> calls = calls();
        Set<String> endpoints = apiEndpoints();
        endpoints.addAll(consoleEndpoints());
        assertThat(calls.keySet()).as("every endpoint of the REST DSL and every console mapping has calls in the"
                + " scan (add a new endpoint to calls())").containsAll(endpoints);
        assertThat(endpoints).as("the scan calls no endpoint that does not exist").containsAll(calls.keySet());

        Map<Role, String> keys = new LinkedHashMap<>();
        keys.put(Role.BUREAU, TestClients.key(hub, "scan-bureau", Role.BUREAU, "zhzf"));
        keys.put(Role.DEPARTMENT, TestClients.key(hub, "scan-scjgj", Role.DEPARTMENT, "scjgj"));
        keys.put(Role.OFFICE, TestClients.key(hub, "scan-office", Role.OFFICE, null));
        keys.put(Role.OPERATOR, TestClients.key(hub, "scan-operator", Role.OPERATOR, null));
        keys.put(Role.ADMIN, TestClients.key(hub, "scan-admin", Role.ADMIN, null));
        assertThat(keys.keySet()).as("every role").containsExactlyInAnyOrder(Role.values());
        Map<Role, HttpClient> consoles = new LinkedHashMap<>();
        for (Role r : List.of(Role.OPERATOR, Role.ADMIN, Role.OFFICE)) {
            consoles.put(r, signIn("scan-" + r.name().toLowerCase()));
        }

        List<String> findings = new ArrayList<>();
        List<String> broken = new ArrayList<>(); // an answer that is no answer proves nothing
        Map<String, StringBuilder> bureauSaw = new LinkedHashMap<>();
        int scanned = 0;
        // reads first, then actions: the department's own push must not turn it into a provider before its reads
        for (boolean reads : List.of(true, false)) {
            for (Map.Entry<String, List<Call>> e : calls.entrySet()) {
                if (e.getKey().startsWith("GET ") != reads) {
                    continue;
                }
                for (Call call : e.getValue()) {
                    boolean console = call.path().startsWith("/console");
                    for (Role role : Role.values()) {
                        if (console && !consoles.containsKey(role)) {
                            continue;
                        }
                        String body = console ? console(consoles.get(role), call)
                                : api(keys.get(role), call, e.getKey(), role);
                        scanned++;
                        if (body.startsWith("401 ") || body.startsWith("5")) {
                            broken.add(call.method() + " " + call.path() + " as " + role + ": " + body.substring(0,
                                    Math.min(body.length(), 200)));
                        }
                        if (role == Role.BUREAU) {
                            bureauSaw.computeIfAbsent(e.getKey(), k -> new StringBuilder()).append(body);
                            continue; // policy unmasked: [bureau] (R-APPROVAL-NOTICE)
                        }
                        for (String value : PiiScan.find(body)) {
                            findings.add(e.getKey() + " (" + call.method() + " " + call.path() + ") as " + role
                                    + ": " + value);
                        }
                    }
                }
            }
        }
        assertThat(broken).as("every call authenticated, none failed").isEmpty();
        assertThat(contractProblems).as("answers the OpenAPI document does not allow (issue 14 item 4)").isEmpty();
        assertThat(contractChecked).as("answers checked against the OpenAPI document").isGreaterThan(100);
        assertThat(findings).as("unmasked personal data in %d responses", scanned).isEmpty();
        // the seeds reach the endpoints: the bureau sees them as they are
        assertThat(PiiScan.find(bureauSaw.get("GET /records").toString())).contains(ID_LICENCE, ID_PENALTY, MOBILE);
        assertThat(PiiScan.find(bureauSaw.get("GET /obligations").toString())).as(bureauSaw.get("GET /obligations")
                .toString()).containsAnyOf(ID_LICENCE, ID_PENALTY);
        System.out.printf("PII scan: %d endpoints, %d responses scanned, 0 unmasked values%n", calls.size(), scanned);
    }

    @Test
    void theProviderStillSeesItsOwnCertificateNumber() throws Exception {
        String jtysj = TestClients.key(hub, "scan-jtysj", Role.DEPARTMENT, "jtysj");
        String record = api(jtysj, new Call("GET", "/api/v1/records/" + licenceRecord, null));
        assertThat(record).as("providersSeeOwnRecords").contains(ID_LICENCE);
        String operator = api(TestClients.key(hub, "scan-operator-2", Role.OPERATOR, null),
                new Call("GET", "/api/v1/records/" + licenceRecord, null));
        assertThat(operator).contains(ID_LICENCE.substring(0, 6) + "********" + ID_LICENCE.substring(14));
    }

    @Test
    void noBrokerTopicCarriesAnUnmaskedIdOrMobileNumber() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(topicMessages.getOrDefault("operator hub.feed.operator.C2", List.of())).isNotEmpty();
            assertThat(topicMessages.getOrDefault("operator hub.feed.operator.C3", List.of())).isNotEmpty();
            assertThat(topicMessages.getOrDefault("office hub.feed.office.C3", List.of())).isNotEmpty();
            assertThat(topicMessages.getOrDefault("operator hub.alerts", List.of())).isNotEmpty();
            assertThat(topicMessages.getOrDefault("admin hub.alerts", List.of())).isNotEmpty();
        });
        List<String> findings = new ArrayList<>();
        topicMessages.forEach((topic, messages) -> messages.forEach(m -> PiiScan.find(m)
                .forEach(v -> findings.add(topic + ": " + v))));
        assertThat(findings).as("unmasked personal data on %s", topicMessages.keySet()).isEmpty();
    }

    @Test
    void theAuditLogKeepsNoUnmaskedIdOrMobileNumber() throws Exception {
        String admin = TestClients.key(hub, "scan-admin-2", Role.ADMIN, null);
        api(admin, new Call("GET", "/api/v1/records?creditCode=" + ID_LICENCE, null)); // a query naming an ID
        api(admin, new Call("GET", "/api/v1/records/" + licenceRecord + "?q=" + MOBILE, null));
        List<Map<String, Object>> rows = hub.getBean(JdbcTemplate.class)
                .queryForList("SELECT seq, action, target, detail FROM hub_audit ORDER BY seq");
        assertThat(rows).hasSizeGreaterThan(10);
        List<String> findings = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            PiiScan.find(row.get("TARGET") + " " + row.get("DETAIL"))
                    .forEach(v -> findings.add("audit #" + row.get("SEQ") + " " + row.get("ACTION") + ": " + v));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theScorecardsCsvCarriesNoUnmaskedIdOrMobileNumber() throws Exception {
        for (Role role : List.of(Role.OFFICE, Role.OPERATOR, Role.ADMIN, Role.DEPARTMENT)) {
            String key = TestClients.key(hub, "scan-csv-" + role.name().toLowerCase(), role,
                    role == Role.DEPARTMENT ? "scjgj" : null);
            String csv = api(key, new Call("GET", "/api/v1/scorecards?format=csv", null));
            assertThat(PiiScan.find(csv)).as(role.name()).isEmpty();
        }
    }

    // --- the endpoints and how to call them --------------------------------------------------------------------

    /** One request of the scan: method, path with query, body (JSON for the API, a form for the console). */
    record Call(String method, String path, String body) {
    }

    /** "METHOD template" (as the REST DSL or the request mapping declares it) → the concrete requests to make. */
    private Map<String, List<Call>> calls() {
        long delivery = firstId("SELECT MIN(id) FROM hub_delivery");
        long obligation = firstId("SELECT MIN(id) FROM hub_obligation");
        String api = "/api/v1";
        Map<String, List<Call>> c = new LinkedHashMap<>();
        c.put("GET /records", List.of(get(api + "/records"), get(api + "/records?department=jtysj"),
                get(api + "/records?creditCode=" + ID_LICENCE), get(api + "/records?category=C3")));
        c.put("GET /records/{id}", List.of(get(api + "/records/" + licenceRecord), get(api + "/records/" + penaltyRecord)));
        c.put("GET /schema", List.of(get(api + "/schema")));
        c.put("GET /openapi.json", List.of(get(api + "/openapi.json"), get(api + "/openapi.json?pretty")));
        c.put("GET /departments", List.of(get(api + "/departments")));
        c.put("GET /quarantine", List.of(get(api + "/quarantine"), get(api + "/quarantine?department=jtysj")));
        c.put("POST /quarantine/{id}/replay", List.of(post(api + "/quarantine/" + quarantineId + "/replay", "")));
        c.put("POST /ingest/{department}/{feed}", List.of(post(api + "/ingest/scjgj/licences", "[{\"XK_WSH\": \""
                + ID_REF + "\", \"XK_XDR_MC\": \"个体户丙\", \"XK_XDR_LB\": \"01\", \"XK_XDR_ZJHM\": \"" + ID_REF
                + "\", \"XK_JDRQ\": \"not a date\", \"XK_NR\": \"电话" + MOBILE_2 + "\"}]")));
        c.put("GET /files", List.of(get(api + "/files")));
        c.put("GET /alerts", List.of(get(api + "/alerts")));
        c.put("POST /alerts/{id}/ack", List.of(post(api + "/alerts/" + alertId + "/ack", "{\"comment\": \"seen "
                + MOBILE_2 + "\"}")));
        c.put("GET /deliveries", List.of(get(api + "/deliveries")));
        c.put("GET /deliveries/{id}", List.of(get(api + "/deliveries/" + delivery)));
        c.put("POST /deliveries/{id}/replay", List.of(post(api + "/deliveries/" + delivery + "/replay", "")));
        c.put("POST /deliveries/{id}/discard", List.of(post(api + "/deliveries/" + delivery + "/discard",
                "{\"reason\": \"scan\"}")));
        c.put("POST /deliveries/{id}/ack", List.of(post(api + "/deliveries/" + delivery + "/ack", "{}")));
        c.put("GET /obligations", List.of(get(api + "/obligations"), get(api + "/obligations?status=OPEN")));
        c.put("POST /obligations/{id}/complete", List.of(post(api + "/obligations/" + obligation + "/complete", "")));
        c.put("GET /scorecards", List.of(get(api + "/scorecards"), get(api + "/scorecards?format=csv")));
        // issue 15: the party of a transfer identified by an ID number, a mobile number in its facts
        c.put("POST /exchanges", List.of(post(api + "/exchanges", exchangeLetter())));
        c.put("GET /exchanges", List.of(get(api + "/exchanges"), get(api + "/exchanges?role=receiver&state=SUBMITTED")));
        c.put("GET /exchanges/{id}", List.of(get(api + "/exchanges/" + exchangeId)));
        c.put("POST /exchanges/{id}/{action}", List.of(post(api + "/exchanges/" + exchangeId + "/receipt", "{}"),
                post(api + "/exchanges/" + exchangeId + "/return", "{\"reasons\": \"当事人" + ID_REF + "不在本辖区\"}")));
        c.put("PUT /attachments", List.of(new Call("PUT", api + "/attachments", "%PDF-1.4 scan " + ID_REF)));
        c.put("GET /attachments/{sha256}", List.of(get(api + "/attachments/" + exchangeAttachment)));
        c.put("GET /notices", List.of(get(api + "/notices"), get(api + "/notices?open=true")));
        c.put("GET /notices/{id}/pdf", List.of(get(api + "/notices/999999/pdf")));
        c.put("POST /notices/receipt", List.of(post(api + "/notices/receipt", "{\"shortCode\": \"NONE-0000\","
                + " \"by\": \"" + ID_REF + "\"}")));
        c.put("GET /audit", List.of(get(api + "/audit?limit=1000")));
        c.put("GET /audit/verify", List.of(get(api + "/audit/verify")));

        c.put("GET /console", List.of(get("/console"), get("/console?range=7d")));
        c.put("GET /console/", List.of(get("/console/")));
        c.put("GET /console/login", List.of(get("/console/login")));
        c.put("GET /console/denied", List.of(get("/console/denied")));
        c.put("GET /console/alerts", List.of(get("/console/alerts"), get("/console/alerts?all=true"),
                get("/console/alerts?view=late"), get("/console/alerts?view=all&status=ALL")));
        c.put("POST /console/alerts/{id}/ack", List.of(post("/console/alerts/" + alertId + "/ack", "comment=ok")));
        c.put("POST /console/alerts/ack-group", List.of(post("/console/alerts/ack-group",
                "kind=NO_COMPETENT_DEPARTMENT&department=zhzf&maxId=" + alertId + "&comment=ok")));
        c.put("GET /console/quarantine", List.of(get("/console/quarantine"), get("/console/quarantine?department=jtysj")));
        c.put("POST /console/quarantine/replay-group", List.of(post("/console/quarantine/replay-group",
                "rule=REQUIRED&department=jtysj&feed=licences&maxId=" + quarantineId)));
        c.put("GET /console/deliveries", List.of(get("/console/deliveries")));
        c.put("POST /console/deliveries/{id}/replay", List.of(post("/console/deliveries/" + delivery + "/replay", "")));
        c.put("POST /console/deliveries/{id}/discard", List.of(post("/console/deliveries/" + delivery + "/discard",
                "reason=scan")));
        c.put("GET /console/departments/{code}", List.of(get("/console/departments/jtysj"),
                get("/console/departments/zhzf"), get("/console/departments/scjgj")));
        c.put("POST /console/quarantine/{id}/replay", List.of(post("/console/quarantine/" + quarantineId + "/replay",
                "")));
        c.put("GET /console/routes", List.of(get("/console/routes")));
        c.put("POST /console/routes/{id}/suspend", List.of(post("/console/routes/scan-none/suspend", "")));
        c.put("POST /console/routes/{id}/resume", List.of(post("/console/routes/scan-none/resume", "")));
        c.put("GET /console/scorecards", List.of(get("/console/scorecards")));
        c.put("GET /console/exchanges", List.of(get("/console/exchanges"), get("/console/exchanges?view=all"),
                get("/console/exchanges?view=notices")));
        c.put("GET /console/notices/{id}.pdf", List.of(get("/console/notices/999999.pdf")));
        c.put("GET /console/receipt/{token}", List.of(get("/console/receipt/AAAAAAAAAAAAAAAAAAAAAAAA")));
        c.put("POST /console/receipt/{token}", List.of(post("/console/receipt/AAAAAAAAAAAAAAAAAAAAAAAA", "by=x")));
        c.put("GET /console/scorecards.csv", List.of(get("/console/scorecards.csv")));
        return c;
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path, String body) {
        return new Call("POST", path, body);
    }

    /** Every operation of the API, as "METHOD /path" relative to its base path /api/v1. */
    private Set<String> apiEndpoints() {
        Set<String> out = new TreeSet<>();
        mappings("/api/v1/").forEach(m -> out.add(m.replace(" /api/v1/", " /")));
        assertThat(out).hasSizeGreaterThanOrEqualTo(20);
        return out;
    }

    /** Every Spring MVC mapping under /console, as "METHOD /path". */
    private Set<String> consoleEndpoints() {
        Set<String> out = mappings("/console");
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    /** The Spring MVC mappings whose path starts so, as "METHOD /path" (GET where a mapping names no method). */
    private Set<String> mappings(String prefix) {
        Set<String> out = new TreeSet<>();
        RequestMappingHandlerMapping mapping = hub.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(prefix)) {
                    Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                            .getMethods();
                    (methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods)
                            .forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    // --- seeds ------------------------------------------------------------------------------------------------

    private void seed() {
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("licenceNo", ID_LICENCE); // 交通 certificates: the holder's ID number is the number
        certificate.put("holderName", "运输个体户甲");
        certificate.put("holderType", "individual");
        certificate.put("creditCode", SyntheticData.creditCode(new java.util.Random(13)));
        certificate.put("title", "道路运输经营许可证（联系电话" + MOBILE + "）");
        certificate.put("decidedOn", "2026-11-20");
        certificate.put("updatedAt", "2026-11-20T09:00:00");
        certificate.put("scope", "道路普通货物运输 备用电话" + MOBILE_2);
        licenceRecord = stored(ingest("jtysj", "licences", certificate, "certificate export " + ID_LICENCE));

        Map<String, Object> broken = new LinkedHashMap<>(certificate);
        broken.put("licenceNo", ID_QUARANTINED);
        broken.remove("holderName"); // required: the row is quarantined under its ID-number source key
        RowOutcome q = ingest("jtysj", "licences", broken, "驾驶员证导出 " + ID_REF);
        assertThat(q.status()).isEqualTo(RowOutcome.Status.QUARANTINED);
        quarantineId = firstId("SELECT MAX(id) FROM hub_quarantine");

        Map<String, Object> penalty = new LinkedHashMap<>();
        penalty.put("CF_WSH", ID_PENALTY);
        penalty.put("CF_XDR_MC", "个体户乙");
        penalty.put("CF_XDR_LB", "01");
        penalty.put("CF_XDR_ZJHM", ID_LICENCE);
        penalty.put("CF_JDRQ", "2026-11-21");
        penalty.put("CF_CFLB", "21");
        penalty.put("CF_SY", "当事人（手机" + MOBILE + "）无照经营");
        penalty.put("CF_CFJG", "武义县综合行政执法局");
        penalty.put("SXBM", "330723-ZHZF-SCJG-001"); // concerns scjgj (config/matters.yaml)
        penalty.put("UPDATED_AT", "2026-11-21T09:00:00");
        penaltyRecord = stored(ingest("zhzf", "penalties", penalty, "case system " + ID_PENALTY));

        // issue 15: a case transfer (the bureau's, to scjgj) whose party is a natural person (ID number) with a mobile number in its facts
        org.onex.hub.exchange.Exchange transfer = hub.getBean(org.onex.hub.exchange.Exchanges.class).submit(
                new org.onex.hub.policy.Client("scan-seed", Role.BUREAU, "zhzf"),
                HubJson.mapper().convertValue(readJson(exchangeLetter()), org.onex.hub.exchange.Letter.class));
        exchangeId = transfer.id();
        exchangeAttachment = hub.getBean(JdbcTemplate.class).queryForObject("SELECT MIN(sha256) FROM"
                + " hub_exchange_material WHERE exchange_id = ?", String.class, exchangeId);

        TransactionTemplate tx = new TransactionTemplate(hub.getBean(PlatformTransactionManager.class));
        alertId = tx.execute(s -> hub.getBean(Alerts.class).error("PII_SCAN", "jtysj", "licences", ID_LICENCE,
                "certificate " + ID_LICENCE + " holder reachable at " + MOBILE));
        // the obligations of the two decisions carry their ID-number source keys (R-APPROVAL-NOTICE, R-PENALTY-FEEDBACK)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> firstId("SELECT COUNT(*) FROM hub_obligation"
                + " WHERE source_key IN ('" + ID_LICENCE + "', '" + ID_PENALTY + "')") > 0
                && firstId("SELECT COUNT(*) FROM hub_delivery") > 0);
    }

    /**
     * A transfer letter of the bureau to scjgj about a natural person. (Not one of scjgj's: a unit sees the records
     * it provided itself as it wrote them, providersSeeOwnRecords, and the scan's department client is scjgj.)
     */
    private static String exchangeLetter() {
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4\n% 移送函\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder materials = new StringBuilder();
        for (String m : List.of("TRANSFER_LETTER", "CASE_SOURCE", "PRELIMINARY_EVIDENCE", "TRANSFER_REASONS")) {
            materials.append(materials.length() == 0 ? "" : ", ").append("{\"material\": \"").append(m)
                    .append("\", \"fileName\": \"").append(m).append(".pdf\", \"content\": \"").append(pdf)
                    .append("\"}");
        }
        return "{\"kind\": \"CASE_TRANSFER\", \"sender\": {\"unit\": \"zhzf\", \"name\": \"县综合行政执法局\","
                + " \"creditCode\": \"" + SyntheticData.creditCode(new java.util.Random(21)) + "\"},"
                + " \"receiver\": \"scjgj\", \"title\": \"涉嫌未取得食品经营许可从事食品经营\","
                + " \"facts\": \"当事人（手机" + MOBILE + "）销售过期食品\", \"discoveredAt\": \"2026-11-24T01:00:00Z\","
                + " \"party\": {\"name\": \"个体户丁\", \"idNumber\": \"" + ID_REF + "\"},"
                + " \"approval\": {\"approver\": \"分管副局长\", \"approvedAt\": \"2026-11-24T08:00:00Z\"},"
                + " \"materials\": [" + materials + "]}";
    }

    private static JsonNode readJson(String json) {
        try {
            return HubJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RowOutcome ingest(String department, String feed, Map<String, Object> row, String sourceRef) {
        return hub.getBean(IngestService.class).ingest(new IngestBatch(department, feed,
                List.of(new SourceRow(row, sourceRef)), null, Instant.now())).rows().get(0);
    }

    private static long stored(RowOutcome outcome) {
        assertThat(outcome.status()).as(outcome.violations().toString()).isEqualTo(RowOutcome.Status.STORED);
        return outcome.recordId();
    }

    private long firstId(String sql) {
        Long v = hub.getBean(JdbcTemplate.class).queryForObject(sql, Long.class);
        return v == null ? 0 : v;
    }

    private void subscribeEveryMaskedRole() throws Exception {
        Map<String, Set<String>> settings = hub.getBean(ArtemisSecurity.class).settings();
        Map<String, Set<String>> brokerRoles = Map.of(
                "operator", Set.of(BrokerRoles.of(Role.OPERATOR)),
                "admin", Set.of(BrokerRoles.of(Role.ADMIN)),
                "office", Set.of(BrokerRoles.of(Role.OFFICE), BrokerRoles.ofUnit(Role.OFFICE, "ldxzbgs")),
                "department", Set.of(BrokerRoles.of(Role.DEPARTMENT), BrokerRoles.ofUnit(Role.DEPARTMENT, "scjgj")));
        Map<String, String> ids = Map.of("operator", "scan-bus-operator", "admin", "scan-bus-admin",
                "office", "scan-bus-office", "department", "scan-bus-scjgj");
        for (Map.Entry<String, Set<String>> who : brokerRoles.entrySet()) {
            Role role = Role.valueOf(who.getKey().toUpperCase());
            String key = TestClients.key(hub, ids.get(who.getKey()), role, role == Role.DEPARTMENT ? "scjgj" : null);
            Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort)
                    .createConnection(ids.get(who.getKey()), key);
            connections.add(connection);
            int topics = 0;
            for (Map.Entry<String, Set<String>> address : settings.entrySet()) {
                if (address.getValue().stream().noneMatch(who.getValue()::contains)) {
                    continue;
                }
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                String name = who.getKey() + " " + address.getKey();
                session.createConsumer(session.createTopic(address.getKey())).setMessageListener(m -> {
                    try {
                        topicMessages.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
                                .add(((TextMessage) m).getText());
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
                topics++;
            }
            assertThat(topics).as(who.getKey() + " may subscribe to some topic").isPositive();
            connection.start();
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    private String api(String key, Call call) throws Exception {
        return api(key, call, null, null);
    }

    /** The answer as "status body"; checked against the OpenAPI document when the operation is given. */
    private String api(String key, Call call, String operation, Role role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + call.path()))
                .header("Authorization", "Bearer " + key);
        if (call.method().equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body()));
        } else if (call.method().equals("PUT")) { // an attachment: bytes, whatever their claimed type
            b.header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (operation != null) {
            contract.check(operation, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body())
                    .forEach(p -> contractProblems.add(p + " (" + call.method() + " " + call.path() + " as " + role
                            + ")"));
            contractChecked++;
        }
        return r.statusCode() + " " + r.body();
    }

    private HttpClient signIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(origin + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + user + "&password=" + PASSWORD + "&_csrf=" + csrf(page);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(origin + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.uri().getPath()).as(user + " signed in").doesNotEndWith("/login");
        return client;
    }

    private String console(HttpClient client, Call call) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + call.path()));
        if (call.method().equals("POST")) {
            String token = csrf(client.send(HttpRequest.newBuilder(URI.create(origin + "/console/scorecards")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String form = (call.body().isEmpty() ? "" : call.body() + "&") + "_csrf=" + token;
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Referer", origin + "/console").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static String csrf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|"
                + "<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            return "";
        }
        return URLEncoder.encode(m.group(1) != null ? m.group(1) : m.group(2), StandardCharsets.UTF_8);
    }
}
