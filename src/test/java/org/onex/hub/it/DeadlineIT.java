package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onex.hub.HubApplication;
import org.onex.hub.deadline.ObligationScanner;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 5: every obligation evaluated on real records flowing through the hub, with a clock the test
 * moves (time travel). Due times below are counted by hand on the 2026 holiday notice's calendar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlineIT {

    private final TravelClock clock = new TravelClock(Instant.parse("2026-11-25T02:00:00Z")); // Wed 10:00 in Shanghai
    private final Random random = new Random(5);
    private final HttpClient http = HttpClient.newHttpClient();
    private Path work;
    private RestInbox inbox;
    private ConfigurableApplicationContext hub;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-deadline-it");
        inbox = new RestInbox();
        inbox.stop(); // jtysj's endpoint is down until a test brings it up
        Path config = Files.createDirectories(work.resolve("config"));
        Files.copy(Path.of("config/departments.yaml"), config.resolve("departments.yaml"));
        Files.copy(Path.of("config/obligations.yaml"), config.resolve("obligations.yaml"));
        Files.copy(Path.of("config/sharing-policy.yaml"), config.resolve("sharing-policy.yaml")); // issue 6: no policy, nothing shared
        Files.writeString(config.resolve("matters.yaml"), "matters:\n  - { code: IT-JTYS, department: jtysj }\n");
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("jtysj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: delivery-rest\n"
                + "    routeId: jtysj-deliveries\n    parameters:\n      - { name: department, value: jtysj }\n"
                + "      - { name: url, value: \"" + inbox.url() + "\" }\n"
                + "      - { name: retryDelay, value: 100ms }\n      - { name: maxRetryDelay, value: 300ms }\n");
        hub = startHub();
    }

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(HubApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--hub.demo.enabled=false", "--hub.data-dir=" + work.resolve("data"),
                        "--hub.routes-dir=" + work.resolve("routes"), "--hub.config-dir=" + work.resolve("config"),
                        "--hub.mappings-dir=" + work.resolve("mappings"), "--hub.deadline.scan-delay=3600000",
                        "--hub.delivery.dispatch-period=100",
                        "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        inbox.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    @Order(1)
    void approvalNoticeIsMetOrLateInWorkingDaysWithTheCauseOfTheDelay() {
        // R-APPROVAL-NOTICE: 10 working days after the decision day.
        Obligation onTime = notice(licence("2026-11-20", "2026-11-20T15:00:00"));
        assertThat(onTime.dueAt()).isEqualTo(Instant.parse("2026-12-04T16:00:00Z")); // Fri 4 Dec, 24:00 Shanghai
        assertThat(onTime.status()).isEqualTo(Obligation.MET);
        assertThat(onTime.party()).isEqualTo("zhzf");
        assertThat(onTime.responsible()).isEqualTo("scjgj");

        // decided Thu 5 Nov: due Thu 19 Nov 24:00; recorded by the department only on the 25th
        Obligation recordedLate = notice(licence("2026-11-05", "2026-11-25T09:00:00"));
        assertThat(recordedLate.dueAt()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
        assertThat(recordedLate.status()).isEqualTo(Obligation.LATE);
        assertThat(recordedLate.lateWorkingDays()).isEqualTo(4); // 20, 23, 24, 25 Nov
        assertThat(recordedLate.attribution()).isEqualTo("PROVIDER_LATE");

        // recorded in time (18 Nov) but visible to the hub only now: its system committed it late
        Obligation committedLate = notice(licence("2026-11-05", "2026-11-18T09:00:00"));
        assertThat(committedLate.status()).isEqualTo(Obligation.LATE);
        assertThat(committedLate.attribution()).isEqualTo("SOURCE_COMMIT_LATE");
        scan(); // late arrivals are alerted by the scan, off the ingest path
        scan();
        assertThat(alertsOf(committedLate.id(), "OBLIGATION_LATE")).isEqualTo(1);
        JsonNode alert = HubJson.mapper().valueToTree(hub.getBean(JdbcTemplate.class).queryForMap(
                "SELECT rule_id, message, message_en FROM hub_alert WHERE obligation_id = ?", committedLate.id()));
        assertThat(alert.get("rule_id").asText()).isEqualTo("R-APPROVAL-NOTICE");
        assertThat(alert.get("message").asText()).contains("逾期").contains("4 个工作日");
        assertThat(alert.get("message_en").asText()).contains("4 working days").contains("SOURCE_COMMIT_LATE");
    }

    @Test
    @Order(2)
    void anUrgentApprovalIsDueImmediately() {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("SPWH", "武自然资规〔2026〕IT" + random.nextInt(99999) + "号",
                "XMMC", "测试项目", "SQDW", SyntheticData.companyName(random), "SQDWDM", SyntheticData.creditCode(random),
                "SPLX", "YD", "PZRQ", "2026年11月25日", "JJBZ", "1", "ZT", "有效", "GXSJ", "2026-11-25T08:00:00"));
        long recordId = ingest("zrzyj", "approvals", row);
        Obligation o = obligations(recordId).get(0);
        assertThat(o.urgent()).isTrue();
        // decided 25 Nov (00:00 Shanghai = 24 Nov 16:00Z), "immediately" = 2 h; arrived 25 Nov 02:00Z
        assertThat(o.dueAt()).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(o.status()).isEqualTo(Obligation.LATE);
        assertThat(o.lateHours()).isEqualTo(8L);
        assertThat(o.lateWorkingDays()).isZero();
    }

    @Test
    @Order(3)
    void penaltyFeedbackIsRemindedThenOverdueThenDeliveredLateAndAlertedOncePerStageAcrossScannersAndRestarts()
            throws Exception {
        clock.set(Instant.parse("2026-11-20T02:00:00Z")); // Fri 20 Nov
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("CF_WSH", "武综执罚决字〔2026〕IT" + random.nextInt(99999)
                + "号", "CF_XDR_MC", SyntheticData.companyName(random), "CF_XDR_LB", "02", "CF_XDR_SHXYM",
                SyntheticData.creditCode(random), "CF_WFXW", "未经许可从事道路货物运输经营", "CF_CFLB", "21",
                "CF_NR", "罚款人民币伍仟元", "CF_NR_FK", "0.5", "CF_JDRQ", "2026-11-10", "SXBM", "IT-JTYS"));
        decision.put("CF_CFJG", "武义县综合行政执法局");
        decision.put("UPDATED_AT", "2026-11-10T16:00:00");
        long recordId = ingest("zhzf", "penalties", decision);
        Obligation open = obligations(recordId).get(0);
        assertThat(open.ruleId()).isEqualTo("R-PENALTY-FEEDBACK");
        assertThat(open.party()).isEqualTo("jtysj");
        assertThat(open.dueAt()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z")); // Tue 24 Nov, 24:00
        assertThat(scan().reminders()).isZero(); // reminder from the end of Fri 20 Nov (2 working days before)

        clock.set(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(scan().reminders()).isEqualTo(1);
        assertThat(scan().reminders()).isZero();
        assertThat(alertsOf(open.id(), "OBLIGATION_REMINDER")).isEqualTo(1);

        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        ObligationScanner scanner = hub.getBean(ObligationScanner.class);
        CompletableFuture<ObligationScanner.Result> one = CompletableFuture.supplyAsync(scanner::scan);
        CompletableFuture<ObligationScanner.Result> two = CompletableFuture.supplyAsync(scanner::scan);
        assertThat(one.get().overdue() + two.get().overdue()).isEqualTo(1); // two scanners at once, one alert
        assertThat(store().find(open.id()).orElseThrow().status()).isEqualTo(Obligation.OVERDUE);

        hub.close();
        hub = startHub();
        assertThat(scan().overdue()).isZero();
        assertThat(alertsOf(open.id(), "OBLIGATION_OVERDUE")).isEqualTo(1);

        inbox.start(); // the department is back: delivered on 25 Nov, one working day late
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            scan();
            return store().find(open.id()).orElseThrow().completedAt() != null;
        });
        Obligation done = store().find(open.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(Obligation.LATE);
        assertThat(done.lateWorkingDays()).isEqualTo(1);
        assertThat(done.attribution()).isEqualTo("DELIVERY_LATE");
        assertThat(alertsOf(open.id(), "OBLIGATION_LATE")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aFeedSilentForItsCadenceRaisesSourceSilent() {
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        licence("2026-11-24", "2026-11-24T10:00:00"); // scjgj/licences sends something now
        scan();
        assertThat(silentAlerts("scjgj/licences")).isZero();
        assertThat(silentAlerts("zhzf/penalties")).isEqualTo(1); // nothing since Fri 20 Nov: 23, 24, 25 Nov
        clock.set(Instant.parse("2026-11-27T10:00:00Z")); // Fri evening: 2 working days (26, 27) without rows
        scan();
        scan();
        assertThat(silentAlerts("scjgj/licences")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void scorecardsCountOnTimeLateAndOverduePerUnitMonthAndRuleAsJsonAndCsv() throws Exception {
        JsonNode card = HubJson.mapper().readTree(get("/scorecards?month=2026-11&department=scjgj").body());
        JsonNode notice = null;
        for (JsonNode line : card.get("lines")) {
            if (line.get("ruleId").asText().equals("R-APPROVAL-NOTICE")) {
                notice = line;
            }
        }
        assertThat(notice).isNotNull();
        assertThat(notice.get("onTime").asInt()).isEqualTo(2);
        assertThat(notice.get("late").asInt()).isEqualTo(2);
        assertThat(notice.get("worstLateWorkingDays").asInt()).isEqualTo(4);
        HttpResponse<String> csv = get("/scorecards?month=2026-11&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFFdepartment,month,rule,obligations,on_time,late,overdue,open")
                .contains("scjgj,2026-11,R-APPROVAL-NOTICE,4,2,2,0,0").contains("zhzf,2026-11,R-PENALTY-FEEDBACK,1,0,1");
        assertThat(get("/scorecards?month=November").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void transfersJointApplicationsAndAssistanceRepliesCountTheirOwnPeriods() throws Exception {
        clock.set(Instant.parse("2026-11-25T02:00:00Z")); // Wed 25 Nov, 10:00 Shanghai
        // R-TRANSFER-DEADLINE: 3 working days; urgent 24 hours from the event
        Obligation transfer = only(cooperation("YS", "2026-11-24", null, "0"));
        assertThat(transfer.dueAt()).isEqualTo(Instant.parse("2026-11-27T16:00:00Z")); // 25, 26, 27 Nov
        assertThat(transfer.status()).isEqualTo(Obligation.MET);
        Obligation urgent = only(cooperation("YS", "2026-11-24", null, "1"));
        assertThat(urgent.dueAt()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(urgent.status()).isEqualTo(Obligation.LATE);
        assertThat(urgent.lateHours()).isEqualTo(10L);

        // R-JOINT-SPECIAL: in by 24:00 of the 5th day before the action
        Obligation early = only(cooperation("LH", "2026-11-25", "2026-12-01", "0"));
        assertThat(early.dueAt()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(early.status()).isEqualTo(Obligation.MET);
        Obligation tooLate = only(cooperation("LH", "2026-11-25", "2026-11-28", "0"));
        assertThat(tooLate.dueAt()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(tooLate.status()).isEqualTo(Obligation.LATE);

        // R-ASSIST-REPLY: 5 working days, completed by the assistance flow through the API
        Obligation asked = only(cooperation("XZ", "2026-11-25", null, "0"));
        assertThat(asked.dueAt()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z")); // 26, 27, 30 Nov, 1, 2 Dec
        assertThat(asked.status()).isEqualTo(Obligation.OPEN);
        HttpResponse<String> replied = post("/obligations/" + asked.id() + "/complete", "{\"at\": \"2026-11-30T08:00:00Z\"}");
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
        assertThat(store().find(asked.id()).orElseThrow().status()).isEqualTo(Obligation.MET);
        Obligation unanswered = only(cooperation("XZ", "2026-11-16", null, "0"));
        assertThat(unanswered.dueAt()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z")); // 17, 18, 19, 20, 23 Nov
        scan();
        assertThat(store().find(unanswered.id()).orElseThrow().status()).isEqualTo(Obligation.OVERDUE);
        assertThat(post("/obligations/" + unanswered.id() + "/complete", "").statusCode()).isEqualTo(200);
        Obligation answeredLate = store().find(unanswered.id()).orElseThrow();
        assertThat(answeredLate.status()).isEqualTo(Obligation.LATE);
        assertThat(answeredLate.lateWorkingDays()).isEqualTo(2); // 24, 25 Nov
        assertThat(post("/obligations/" + transfer.id() + "/complete", "").statusCode()).isEqualTo(409);
    }

    private long cooperation(String kind, String date, String actionDate, String urgent) {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("WSH", "武综执协字IT" + random.nextInt(9_999_999), "LX", kind,
                "XDR_MC", SyntheticData.companyName(random), "XDR_LB", "02", "XDR_SHXYM",
                SyntheticData.creditCode(random), "FSRQ", date, "JJBZ", urgent, "BT", "测试"));
        if (actionDate != null) {
            row.put("XDRQ", actionDate);
        }
        return ingest("zhzf", "cooperation", row);
    }

    private Obligation only(long recordId) {
        List<Obligation> os = obligations(recordId);
        assertThat(os).hasSize(1);
        return os.get(0);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestClients.operator(hub))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- helpers ------------------------------------------------------------------------------

    private Map<String, Object> licence(String decided, String updatedAt) {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("XK_WSH", "武市监许字IT" + random.nextInt(9_999_999),
                "XK_XDR_MC", SyntheticData.companyName(random), "XK_XDR_LB", "02", "XK_XDR_SHXYM",
                SyntheticData.creditCode(random), "XK_JDRQ", decided, "UPDATED_AT", updatedAt));
        ingest("scjgj", "licences", row);
        return row;
    }

    private Obligation notice(Map<String, Object> licence) {
        Long id = hub.getBean(JdbcTemplate.class).queryForObject("SELECT id FROM hub_record WHERE source_key = ?",
                Long.class, licence.get("XK_WSH"));
        return obligations(id).get(0);
    }

    private long ingest(String department, String feed, Map<String, Object> row) {
        RowOutcome outcome = hub.getBean(IngestService.class).ingest(new IngestBatch(department, feed,
                List.of(new SourceRow(row, "test")), null, clock.instant())).rows().get(0);
        assertThat(outcome.status()).as(String.valueOf(outcome.violations())).isEqualTo(RowOutcome.Status.STORED);
        return outcome.recordId();
    }

    private List<Obligation> obligations(long recordId) {
        return new ArrayList<>(store().list(null, null, null, null, 500).stream().filter(o -> o.recordId() == recordId)
                .toList());
    }

    private ObligationStore store() {
        return hub.getBean(ObligationStore.class);
    }

    private ObligationScanner.Result scan() {
        return hub.getBean(ObligationScanner.class).scan();
    }

    private int alertsOf(long obligationId, String kind) {
        Integer n = hub.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM hub_alert WHERE obligation_id"
                + " = ? AND kind = ?", Integer.class, obligationId, kind);
        return n == null ? 0 : n;
    }

    private int silentAlerts(String feed) {
        Integer n = hub.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM hub_alert WHERE kind ="
                + " 'SOURCE_SILENT' AND subject = ?", Integer.class, feed);
        return n == null ? 0 : n;
    }

    private HttpResponse<String> get(String path) throws Exception {
        String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TestClients.operator(hub)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
