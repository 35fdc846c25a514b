package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onex.hub.HubApplication;
import org.onex.hub.exchange.Answer;
import org.onex.hub.exchange.Exchange;
import org.onex.hub.exchange.ExchangeKind;
import org.onex.hub.exchange.ExchangeRefusedException;
import org.onex.hub.exchange.ExchangeState;
import org.onex.hub.exchange.Exchanges;
import org.onex.hub.exchange.Letter;
import org.onex.hub.exchange.Material;
import org.onex.hub.exchange.Refusal;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.IdNumbers;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15 on a real store: case transfers both ways, a judicial transfer, a jurisdiction dispute decided by the
 * Justice Bureau, and an assistance request with an extension, each as a unit's client would drive it, with the
 * refusals of the policy (internal-unit sender, dispatched unit's credit code, missing material, no approval)
 * and every clock counted by hand on the 2026 calendar. The receiver with a REST inbox gets the exchange on its
 * channel, and the channel's confirmation is the receipt that starts its reply clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractExchangesIT {

    /** Wed 25 Nov 2026 10:00 in Shanghai. */
    private final TravelClock clock = new TravelClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final Client scjgj = new Client("it-scjgj", Role.DEPARTMENT, "scjgj");
    private final Client jtysj = new Client("it-jtysj", Role.DEPARTMENT, "jtysj");
    private final Client zrzyj = new Client("it-zrzyj", Role.DEPARTMENT, "zrzyj");
    private final Client bureau = new Client("it-bureau", Role.BUREAU, "zhzf");
    private final Client justice = new Client("it-sfj", Role.DEPARTMENT, "sfj");
    private Path work;
    private RestInbox inbox;
    private ConfigurableApplicationContext hub;
    private Exchanges exchanges;
    private JdbcTemplate jdbc;
    private String scjgjCode;
    private JdbcTemplate zrzyjInbox;

    /** zrzyj's inbox table in its own PostgreSQL database: the JDBC channel. */
    private static final String INBOX_DDL = "CREATE TABLE hub_inbox (DELIVERY_KEY VARCHAR(80) NOT NULL UNIQUE,"
            + " RECORD_ID BIGINT, VERSION INT, WSH VARCHAR(200), BT VARCHAR(256), LX VARCHAR(64), PAYLOAD TEXT,"
            + " ACK_AT TIMESTAMP NULL)";

    abstract Map<String, String> storeSettings();

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-exchanges-it");
        inbox = new RestInbox();
        Path config = Files.createDirectories(work.resolve("config"));
        scjgjCode = creditCode("11330723", "00254881");
        // the market supervision bureau has confirmed its credit code: R-TRANSFER-SENDER checks letters against it
        Files.writeString(config.resolve("departments.yaml"), Files.readString(Path.of("config/departments.yaml"))
                .replace("    nameZh: 县市场监管局\n", "    nameZh: 县市场监管局\n    creditCode: " + scjgjCode + "\n"));
        Files.copy(Path.of("config/obligations.yaml"), config.resolve("obligations.yaml"));
        Files.copy(Path.of("config/sharing-policy.yaml"), config.resolve("sharing-policy.yaml"));
        Files.copy(Path.of("config/matters.yaml"), config.resolve("matters.yaml"));
        FileSystemUtils.copyRecursively(Path.of("mappings"), work.resolve("mappings"));
        String inboxDb = TestDatabases.freshPostgres("hub_it_exchange_inbox_" + getClass().getSimpleName().toLowerCase());
        TestDatabases.exec(inboxDb, "postgres", "", INBOX_DDL);
        zrzyjInbox = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(inboxDb,
                "postgres", ""));
        Files.createDirectories(config.resolve("inboxes"));
        Files.writeString(config.resolve("inboxes/zrzyj.yaml"), "table: hub_inbox\nkeyColumn: DELIVERY_KEY\n"
                + "ackColumn: ACK_AT\ncolumns:\n  DELIVERY_KEY: delivery.key\n  RECORD_ID: delivery.recordId\n"
                + "  VERSION: delivery.version\n  WSH: record.document.number\n  BT: record.document.title\n"
                + "  LX: record.recordType\n  PAYLOAD: record\n");
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("zrzyj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: delivery-jdbc\n"
                + "    routeId: zrzyj-deliveries\n    parameters:\n      - { name: department, value: zrzyj }\n"
                + "      - { name: dataSource, value: zrzyj-inbox }\n"
                + "      - { name: retryDelay, value: 100ms }\n      - { name: maxRetryDelay, value: 300ms }\n");
        // the meteorological bureau has no system: it gets 抄告 copy notices (R-CHANNEL)
        Files.writeString(routes.resolve("qxj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: delivery-notice\n"
                + "    routeId: qxj-deliveries\n    parameters:\n      - { name: department, value: qxj }\n");
        // public security receives judicial transfers as copy notices in this test (its system is not wired)
        Files.writeString(routes.resolve("gaj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: delivery-notice\n"
                + "    routeId: gaj-deliveries\n    parameters:\n      - { name: department, value: gaj }\n");
        Files.writeString(routes.resolve("jtysj.camel.yaml"), "- templatedRoute:\n    routeTemplateRef: delivery-rest\n"
                + "    routeId: jtysj-deliveries\n    parameters:\n      - { name: department, value: jtysj }\n"
                + "      - { name: url, value: \"" + inbox.url() + "\" }\n"
                + "      - { name: retryDelay, value: 100ms }\n      - { name: maxRetryDelay, value: 300ms }\n");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + routes,
                "--hub.config-dir=" + config, "--hub.mappings-dir=" + work.resolve("mappings"),
                "--hub.deadline.scan-delay=3600000", "--hub.delivery.dispatch-period=100",
                "--hub.exchanges.scan-period=200ms", "--hub.datasources.zrzyj-inbox.url=" + inboxDb,
                "--hub.datasources.zrzyj-inbox.username=postgres", "--hub.datasources.zrzyj-inbox.writable=true",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE"));
        storeSettings().forEach((k, v) -> args.add("--" + k + "=" + v));
        hub = new SpringApplicationBuilder(HubApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
        exchanges = hub.getBean(Exchanges.class);
        jdbc = hub.getBean(JdbcTemplate.class);
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
    void aTransferFromAnInternalUnitOrWithoutItsMaterialsIsRefusedWithEveryReason() {
        String dispatched = creditCode("12330723", "MB1F2A3C");
        Letter letter = transfer(new Letter.Sender("scjgj", "县市场监管局执法大队", dispatched), null,
                "330723-ZHZF-SCJG-001", instantAt("2026-11-24T09:00"), false,
                List.of(Material.TRANSFER_LETTER, Material.CASE_SOURCE, Material.TRANSFER_REASONS), null);

        assertThatThrownBy(() -> exchanges.submit(scjgj, letter)).isInstanceOfSatisfying(
                ExchangeRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::item, Refusal::ruleId)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("sender.name", "R-TRANSFER-SENDER"),
                                org.assertj.core.groups.Tuple.tuple("sender.creditCode", "R-TRANSFER-SENDER"),
                                org.assertj.core.groups.Tuple.tuple("materials", "R-TRANSFER-MATERIALS"),
                                org.assertj.core.groups.Tuple.tuple("approval", "R-TRANSFER-MATERIALS")));
        assertThatThrownBy(() -> exchanges.submit(scjgj, letter)).hasMessageContaining("internal or dispatched unit")
                .hasMessageContaining("PRELIMINARY_EVIDENCE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_exchange", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_attachment", Integer.class)).isZero();

        // a unit's client writes only in its own name
        Letter forOther = transfer(new Letter.Sender("jtysj", "县交通运输局", creditCode("11330723", "00254903")), "zhzf",
                null, instantAt("2026-11-24T09:00"), false, ExchangeKind.CASE_TRANSFER.required(),
                approval("2026-11-24T15:00"));
        assertThatThrownBy(() -> exchanges.submit(scjgj, forOther)).isInstanceOf(SecurityException.class);
    }

    @Test
    @Order(2)
    void aDepartmentTransfersACaseInTheBureausScopeAndTheBureauAcceptsIt() {
        // R-TRANSFER-DEADLINE: found Mon 23 Nov 09:00, due Thu 26 Nov 24:00 (3 working days); sent Wed: met
        Exchange x = exchanges.submit(scjgj, transfer(scjgjSender(), null, "330723-ZHZF-SCJG-001",
                instantAt("2026-11-23T09:00"), false, ExchangeKind.CASE_TRANSFER.required(),
                approval("2026-11-24T16:00")));
        assertThat(x.receiver()).as("config/matters.yaml: the matter is the bureau's").isEqualTo("zhzf");
        assertThat(x.number()).matches("YS-2026-\\d{6}");
        assertThat(x.state()).isEqualTo(ExchangeState.SUBMITTED);
        Obligation deadline = obligation("R-TRANSFER-DEADLINE", x.recordId());
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(deadline.status()).isEqualTo(Obligation.MET);
        JsonNode record = envelope(x.recordId(), 1);
        assertThat(record.at("/category").asText()).isEqualTo("C7");
        assertThat(record.at("/recordType").asText()).isEqualTo("CASE_TRANSFER");
        assertThat(record.at("/identity/department").asText()).isEqualTo("scjgj");
        assertThat(record.at("/body/JSDW").asText()).isEqualTo("zhzf");
        assertThat(record.at("/body/EXCHANGE/materials")).hasSize(4);

        // the bureau has no channel: it confirms receipt itself; 5 working days to answer (Wed 2 Dec 24:00)
        Exchange received = exchanges.act(bureau, x.id(), answer(Answer.Action.RECEIPT));
        assertThat(received.replyDueAt()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThatThrownBy(() -> exchanges.act(scjgj, x.id(), accept("")))
                .as("only the receiver answers").isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> exchanges.act(bureau, x.id(), accept(" ")))
                .isInstanceOfSatisfying(ExchangeRefusedException.class,
                        e -> assertThat(e.refusals()).extracting(Refusal::item).containsExactly("caseNumber"));
        Exchange accepted = exchanges.act(bureau, x.id(), accept("武综执立〔2026〕118号"));
        assertThat(accepted.state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThat(envelope(x.recordId(), 3).at("/body/EXCHANGE/answer/caseNumber").asText())
                .isEqualTo("武综执立〔2026〕118号");
        assertThat(exchanges.view(scjgj, x.id()).orElseThrow().events()).extracting(e -> e.event())
                .containsExactly("SUBMITTED", "RECEIPT", "ACCEPT");
        assertThat(exchanges.view(jtysj, x.id())).as("not a party").isEmpty();
        assertThatThrownBy(() -> exchanges.act(bureau, x.id(), answer(Answer.Action.RETURN)))
                .hasMessageContaining("is closed");
        assertThat(jdbc.queryForList("SELECT action FROM hub_audit WHERE target = ? ORDER BY seq", String.class,
                x.number())).containsExactly("EXCHANGE_SUBMITTED", "EXCHANGE_RECEIPT", "EXCHANGE_ACCEPT");
    }

    @Test
    @Order(3)
    void anUrgentTransferSentAfter24HoursIsLateAndTheChannelsConfirmationIsTheReceipt() {
        // the bureau finds a case outside its powers Mon 23 Nov 20:00, urgent: due Tue 24 Nov 20:00, sent Wed 10:00
        Exchange x = exchanges.submit(bureau, transfer(new Letter.Sender("zhzf", "县综合行政执法局",
                creditCode("11330723", "MB0F1C8X")), "jtysj", null, instantAt("2026-11-23T20:00"), true,
                ExchangeKind.CASE_TRANSFER.required(), approval("2026-11-25T09:00")));
        Obligation deadline = obligation("R-TRANSFER-DEADLINE", x.recordId());
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(deadline.status()).isEqualTo(Obligation.LATE);
        assertThat(deadline.lateHours()).isEqualTo(14);

        // jtysj's REST inbox gets the record with its materials' links; its 2xx is the receipt
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.requestsFor(x.number()) > 0);
        assertThat(inbox.accepted.values()).filteredOn(b -> b.contains(x.number())).singleElement()
                .satisfies(b -> assertThat(b).contains("/api/v1/attachments/").contains("CASE_TRANSFER"));
        Exchange received = await().atMost(Duration.ofSeconds(20)).until(
                () -> exchanges.view(jtysj, x.id()).orElseThrow().exchange(), e -> e.receivedAt() != null);
        assertThat(received.replyDueAt()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThat(exchanges.view(jtysj, x.id()).orElseThrow().events()).extracting(e -> e.actor())
                .containsExactly("it-bureau", "hub");

        // jtysj disputes its jurisdiction; only the Justice Bureau decides (R-TRANSFER-BOUNDARY)
        Exchange disputed = exchanges.act(jtysj, x.id(), new Answer(Answer.Action.DISPUTE, null,
                "该行为属于综合行政执法局已划转的处罚事项", null, null, null, null, null));
        assertThat(disputed.state()).isEqualTo(ExchangeState.DISPUTED);
        assertThat(exchanges.view(justice, x.id())).as("the Justice Bureau sees a dispute").isPresent();
        Answer decide = new Answer(Answer.Action.DECIDE, null, "依据划转事项清单，由县交通运输局管辖", null, null, null,
                "jtysj", List.of(new Letter.Attached(Material.DECISION_DOCUMENT, "裁决书.pdf", pdf("裁决书"), null)));
        assertThatThrownBy(() -> exchanges.act(jtysj, x.id(), decide)).isInstanceOf(SecurityException.class);
        Exchange decided = exchanges.act(justice, x.id(), decide);
        assertThat(decided.state()).isEqualTo(ExchangeState.DECIDED);
        JsonNode last = envelope(x.recordId(), decided.rowVersion());
        assertThat(last.at("/body/EXCHANGE/answer/competentUnit").asText()).isEqualTo("jtysj");
        assertThat(last.at("/body/EXCHANGE/materials")).hasSize(5);
    }

    @Test
    @Order(4)
    void aSuspectedCrimeGoesToPublicSecurity() {
        Letter toOther = new Letter(ExchangeKind.JUDICIAL_TRANSFER, scjgjSender(), "zhzf", null, "涉嫌生产销售伪劣产品",
                "现场查获伪劣产品货值逾五万元", false, instantAt("2026-11-24T10:00"), person(), approval("2026-11-24T17:00"),
                null, materials(ExchangeKind.JUDICIAL_TRANSFER.required()));
        assertThatThrownBy(() -> exchanges.submit(scjgj, toOther)).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.refusals()).extracting(Refusal::ruleId).containsExactly("R-JUDICIAL"));
        Exchange x = exchanges.submit(scjgj, new Letter(toOther.kind(), toOther.sender(), null, null, toOther.title(),
                toOther.facts(), false, toOther.discoveredAt(), toOther.party(), toOther.approval(), null,
                toOther.materials()));
        assertThat(x.receiver()).isEqualTo("gaj");
        assertThat(x.number()).startsWith("SF-2026-");
        assertThat(envelope(x.recordId(), 1).at("/recordType").asText()).isEqualTo("JUDICIAL_TRANSFER");
        // public security has no system wired here: the transfer reaches it as a copy notice
        org.onex.hub.notice.NoticeStore notices = hub.getBean(org.onex.hub.notice.NoticeStore.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.list("gaj", true, null, 10).stream()
                .anyMatch(n -> n.documentNumber().equals(x.number())));
    }

    @Test
    @Order(5)
    void anAssistanceRequestIsRepliedWithinItsExtendedTimeAndThatClosesItsObligation() {
        Exchange x = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, new Letter.Sender("zhzf",
                "县综合行政执法局", creditCode("11330723", "MB0F1C8X")), "zrzyj", null, "请求对占用土地性质进行认定",
                "某村民在基本农田上建房，请认定所占土地性质", false, null, person(), null, Letter.Purpose.DETERMINATION,
                materials(List.of(Material.REQUEST_LETTER))));
        Obligation opened = obligation("R-ASSIST-REPLY", x.recordId());
        assertThat(opened.party()).as("the department asked owes the reply").isEqualTo("zrzyj");
        assertThat(opened.status()).isEqualTo(Obligation.OPEN);

        // the letter lands in zrzyj's inbox table (JDBC channel); the committed row is the receipt, Wed 25 Nov
        await().atMost(Duration.ofSeconds(20)).until(() -> zrzyjInbox.queryForObject(
                "SELECT COUNT(*) FROM hub_inbox WHERE WSH = ?", Integer.class, x.number()) == 1);
        assertThat(zrzyjInbox.queryForObject("SELECT LX FROM hub_inbox WHERE WSH = ?", String.class, x.number()))
                .isEqualTo("ASSISTANCE_REQUEST");
        assertThat(zrzyjInbox.queryForObject("SELECT PAYLOAD FROM hub_inbox WHERE WSH = ?", String.class, x.number()))
                .contains("DETERMINATION").contains("/api/v1/attachments/");
        Exchange received = await().atMost(Duration.ofSeconds(20)).until(
                () -> exchanges.view(zrzyj, x.id()).orElseThrow().exchange(), e -> e.receivedAt() != null);
        assertThat(received.receivedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        Obligation fromReceipt = obligation("R-ASSIST-REPLY", x.recordId());
        assertThat(fromReceipt.dueAt()).as("5 working days of receipt: Wed 2 Dec 24:00")
                .isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThat(received.replyDueAt()).isEqualTo(fromReceipt.dueAt());

        clock.set(Instant.parse("2026-12-02T02:00:00Z")); // Wed 2 Dec: the appraisal needs a site visit
        Answer extend = new Answer(Answer.Action.EXTEND, null, "需会同现场勘测，测绘结果预计 12 月 9 日出具", null,
                LocalDate.parse("2026-12-10"), null, null, null);
        exchanges.act(zrzyj, x.id(), extend);
        assertThatThrownBy(() -> exchanges.act(zrzyj, x.id(), extend)).hasMessageContaining("not been answered");
        exchanges.act(bureau, x.id(), new Answer(Answer.Action.EXTENSION_ANSWER, null, null, null, null, true, null,
                null));
        Obligation extended = obligation("R-ASSIST-REPLY", x.recordId());
        assertThat(extended.dueAt()).isEqualTo(Instant.parse("2026-12-10T16:00:00Z"));
        assertThat(extended.extendedAt()).isNotNull();

        clock.set(Instant.parse("2026-12-09T07:00:00Z")); // Wed 9 Dec 15:00: the written reply, after the first due
        Exchange replied = exchanges.act(zrzyj, x.id(), new Answer(Answer.Action.REPLY, null, null,
                "经实地勘测，所占土地为基本农田", null, null, null,
                List.of(new Letter.Attached(Material.REPLY_LETTER, "认定意见.pdf", pdf("认定意见"), null))));
        assertThat(replied.state()).isEqualTo(ExchangeState.REPLIED);
        Obligation met = obligation("R-ASSIST-REPLY", x.recordId());
        assertThat(met.status()).as("extended, not late").isEqualTo(Obligation.MET);
        assertThat(met.completedAt()).isEqualTo(Instant.parse("2026-12-09T07:00:00Z"));
        org.onex.hub.deadline.Scorecards.Line card = hub.getBean(org.onex.hub.deadline.Scorecards.class)
                .month(java.time.YearMonth.of(2026, 11), "zrzyj").stream()
                .filter(l -> l.ruleId().equals("R-ASSIST-REPLY")).findFirst().orElseThrow();
        assertThat(card.extended()).as("the scorecard counts it as extended").isEqualTo(1);
        assertThat(card.late()).isZero();

        // an extension asked after the due time is refused (R-ASSIST-EXTEND: "in advance")
        Exchange late = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, new Letter.Sender("zhzf",
                "县综合行政执法局", creditCode("11330723", "MB0F1C8X")), "zrzyj", null, "请求调阅宅基地审批档案",
                "请提供 2019 年宅基地审批档案", false, null, person(), null, Letter.Purpose.ARCHIVE_ACCESS,
                materials(List.of(Material.REQUEST_LETTER))));
        Exchange lateReceived = await().atMost(Duration.ofSeconds(20)).until( // by its channel, Wed 9 Dec
                () -> exchanges.view(zrzyj, late.id()).orElseThrow().exchange(), e -> e.receivedAt() != null);
        assertThat(lateReceived.replyDueAt()).isEqualTo(Instant.parse("2026-12-16T16:00:00Z"));
        assertThatThrownBy(() -> exchanges.act(zrzyj, late.id(), answer(Answer.Action.RECEIPT)))
                .hasMessageContaining("was already received");
        clock.set(Instant.parse("2026-12-17T01:00:00Z"));
        assertThatThrownBy(() -> exchanges.act(zrzyj, late.id(), new Answer(Answer.Action.EXTEND, null, "档案在外借",
                null, LocalDate.parse("2026-12-24"), null, null, null))).isInstanceOfSatisfying(
                        ExchangeRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::ruleId)
                                .containsExactly("R-ASSIST-EXTEND"));
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
    }

    @Test
    @Order(6)
    void attachmentsAreCheckedByTheirBytesAndStoredOnce() {
        byte[] exe = "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1);
        List<Letter.Attached> materials = new ArrayList<>(materials(ExchangeKind.CASE_TRANSFER.required()));
        materials.set(0, new Letter.Attached(Material.TRANSFER_LETTER, "移送函.pdf",
                Base64.getEncoder().encodeToString(exe), null));
        Letter letter = new Letter(ExchangeKind.CASE_TRANSFER, scjgjSender(), null, "330723-ZHZF-SCJG-002", "无照经营",
                "无照经营", false, instantAt("2026-11-24T09:00"), person(), approval("2026-11-24T16:00"), null, materials);
        assertThatThrownBy(() -> exchanges.submit(scjgj, letter)).isInstanceOfSatisfying(
                ExchangeRefusedException.class, e -> assertThat(e.refusals()).singleElement().satisfies(r -> {
                    assertThat(r.item()).isEqualTo("materials/0");
                    assertThat(r.message()).contains("none of the accepted types");
                }));
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM hub_attachment", Integer.class);
        exchanges.submit(scjgj, new Letter(letter.kind(), letter.sender(), null, letter.matterCode(), letter.title(),
                letter.facts(), false, letter.discoveredAt(), letter.party(), letter.approval(), null,
                materials(ExchangeKind.CASE_TRANSFER.required())));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_attachment", Integer.class))
                .as("the same four documents as before are stored once").isEqualTo(before);
        String sha = jdbc.queryForObject("SELECT sha256 FROM hub_attachment ORDER BY created_at LIMIT 1", String.class);
        assertThat(exchanges.attachment(scjgj, sha)).isPresent();
        assertThat(exchanges.attachment(zrzyj, sha)).as("not a party of any exchange carrying it").isEmpty();
    }

    /**
     * The same flow over the REST API as a department's system would drive it: the attachment uploaded as bytes,
     * the letter naming it by SHA-256, a refusal answered 422 with its reasons, the answer as an action path.
     */
    @Test
    @Order(7)
    void overTheRestApiALetterNamesItsUploadedAttachmentsAndARefusalListsItsReasons() throws Exception {
        String port = hub.getEnvironment().getProperty("local.server.port");
        String api = "http://127.0.0.1:" + port + "/api/v1";
        String scjgjKey = TestClients.key(hub, "rest-scjgj", Role.DEPARTMENT, "scjgj");
        String bureauKey = TestClients.key(hub, "rest-bureau", Role.BUREAU, "zhzf");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        byte[] letterPdf = Base64.getDecoder().decode(pdf("移送函 武市监移〔2026〕7号"));
        var uploaded = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "/attachments"))
                .header("Authorization", "Bearer " + scjgjKey).header("Content-Type", "application/pdf")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(letterPdf)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode attachment = org.onex.hub.schema.HubJson.mapper().readTree(uploaded.body());
        assertThat(attachment.path("mediaType").asText()).isEqualTo("application/pdf");
        String sha = attachment.path("sha256").asText();

        var png = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "/attachments"))
                .header("Authorization", "Bearer " + scjgjKey).header("Content-Type", "image/png")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("GIF89a not a png")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(png.statusCode()).isEqualTo(422);
        assertThat(png.body()).contains("none of the accepted types");

        var mapper = org.onex.hub.schema.HubJson.mapper();
        var letter = mapper.valueToTree(transfer(scjgjSender(), null, "330723-ZHZF-SCJG-001",
                instantAt("2026-11-24T09:00"), false, ExchangeKind.CASE_TRANSFER.required(),
                approval("2026-11-24T16:00")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) letter.get("materials").get(0)).remove("content");
        ((com.fasterxml.jackson.databind.node.ObjectNode) letter.get("materials").get(0)).put("sha256", sha);
        ((com.fasterxml.jackson.databind.node.ObjectNode) letter).remove("approval");
        var refused = post(http, api + "/exchanges", scjgjKey, letter.toString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(mapper.readTree(refused.body()).path("refusals").get(0).path("ruleId").asText())
                .isEqualTo("R-TRANSFER-MATERIALS");

        ((com.fasterxml.jackson.databind.node.ObjectNode) letter).set("approval",
                mapper.valueToTree(approval("2026-11-24T16:00")));
        var created = post(http, api + "/exchanges", scjgjKey, letter.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode x = mapper.readTree(created.body());
        assertThat(x.path("receiver").asText()).isEqualTo("zhzf");
        assertThat(x.path("materials").findValuesAsText("sha256")).contains(sha);

        var notReceiver = post(http, api + "/exchanges/" + x.path("id").asLong() + "/accept", scjgjKey,
                "{\"caseNumber\": \"1\"}");
        assertThat(notReceiver.statusCode()).isEqualTo(403);
        var accepted = post(http, api + "/exchanges/" + x.path("id").asLong() + "/accept", bureauKey,
                "{\"caseNumber\": \"武综执立〔2026〕131号\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(mapper.readTree(accepted.body()).path("state").asText()).isEqualTo("ACCEPTED");

        var download = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "/attachments/" + sha))
                .header("Authorization", "Bearer " + bureauKey).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.body()).isEqualTo(letterPdf);
        String otherKey = TestClients.key(hub, "rest-zrzyj", Role.DEPARTMENT, "zrzyj");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "/attachments/" + sha))
                .header("Authorization", "Bearer " + otherKey).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("not a party").isEqualTo(404);
    }

    /**
     * R-CHANNEL: a unit without a system gets the assistance request as a printable copy notice in Chinese, with the
     * CJK font embedded and the party's ID number masked as on every channel to a department; the QR code of its
     * receipt slip is a one-time link whose confirmation is the receipt that starts the 5 working days.
     */
    @Test
    @Order(8)
    void aUnitWithoutASystemGetsACopyNoticeAndItsReceiptStartsTheClock() throws Exception {
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        Letter.Party party = person();
        Exchange x = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, new Letter.Sender("zhzf",
                "县综合行政执法局", creditCode("11330723", "MB0F1C8X")), "qxj", null, "请求出具雷击灾害鉴定意见",
                "某仓库火灾，请鉴定是否系雷击引起", false, null, party, null, Letter.Purpose.APPRAISAL,
                materials(List.of(Material.REQUEST_LETTER))));
        org.onex.hub.notice.NoticeStore notices = hub.getBean(org.onex.hub.notice.NoticeStore.class);
        org.onex.hub.notice.Notice notice = await().atMost(Duration.ofSeconds(20)).until(
                () -> notices.list("qxj", true, null, 10), l -> !l.isEmpty()).get(0);
        assertThat(notice.documentNumber()).isEqualTo(x.number());

        String port = hub.getEnvironment().getProperty("local.server.port");
        String operatorKey = TestClients.key(hub, "notice-operator", Role.OPERATOR, null);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        byte[] pdf = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/notices/" + notice.id() + "/pdf")).header("Authorization", "Bearer " + operatorKey).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        String receiptUrl;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("协作事项抄告单", "致：县气象局", x.number(), "请求出具雷击灾害鉴定意见",
                    "自签收之日起5个工作日内答复", "2026年12月2日24时前", "回执", notice.shortCode());
            assertThat(text).as("the ID number masked as on every department channel").doesNotContain(party.idNumber());
            for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getFontNames()) {
                org.apache.pdfbox.pdmodel.font.PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("WenQuanYi");
            }
            receiptUrl = qrText(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 150));
        }
        assertThat(receiptUrl).startsWith("http://localhost:8080/console/receipt/");
        assertThat(exchanges.view(bureau, x.id()).orElseThrow().exchange().receivedAt())
                .as("issued is not received: the unit has not signed").isNull();

        clock.set(Instant.parse("2026-11-26T03:00:00Z")); // Thu 26 Nov 11:00: not receipted after a day
        hub.getBean(org.onex.hub.notice.Notices.class).remind();
        assertThat(jdbc.queryForObject("SELECT status FROM hub_alert WHERE kind = 'NOTICE_UNRECEIPTED' AND subject = ?",
                String.class, notice.number())).isEqualTo("OPEN");

        String link = "http://127.0.0.1:" + port + receiptUrl.substring("http://localhost:8080".length());
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains(notice.number()).contains("确认签收");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        var confirmed = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("by=%E5%8A%9E%E5%85%AC%E5%AE%A4%E8%81%94%E7%BB%9C%E5%91%98&_csrf="
                        + csrf.group(1))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("办公室联络员");

        Exchange received = await().atMost(Duration.ofSeconds(20)).until(
                () -> exchanges.view(bureau, x.id()).orElseThrow().exchange(), e -> e.receivedAt() != null);
        assertThat(received.receivedAt()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
        assertThat(received.replyDueAt()).as("5 working days of receipt: Thu 3 Dec 24:00")
                .isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
        assertThat(jdbc.queryForObject("SELECT status FROM hub_alert WHERE kind = 'NOTICE_UNRECEIPTED' AND subject = ?",
                String.class, notice.number())).isNotEqualTo("OPEN");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.replace(
                receiptUrl.substring(receiptUrl.lastIndexOf('/') + 1), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("a made-up token").isEqualTo(404);
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
    }

    /**
     * R-JOINT-SPECIAL: a joint action is applied for by 24:00 of the 5th day before it, else refused unless it is
     * reported as an emergency (R-JOINT-EMERGENCY); the office approves, every participant with a channel gets the
     * approval, and each participant links its own follow-up case (R-JOINT-SPLIT).
     */
    @Test
    @Order(9)
    void aJointApplicationReachesTheOfficeInTimeOrAsAnEmergencyAndIsApproved() {
        clock.set(Instant.parse("2026-11-25T02:00:00Z")); // Wed 25 Nov
        Client office = new Client("it-office", Role.OFFICE, null);
        Letter.Sender applicant = new Letter.Sender("zhzf", "县综合行政执法局", creditCode("11330723", "MB0F1C8X"));
        List<Letter.Attached> plan = materials(List.of(Material.JOINT_PLAN));
        Letter late = new Letter(ExchangeKind.JOINT_APPLICATION, applicant, null, null, "城区夜间施工噪声专项整治",
                "联合生态环境、交通运输部门夜查", false, null, null, null, null, plan, LocalDate.parse("2026-11-29"),
                List.of("sthjj", "jtysj"));
        assertThatThrownBy(() -> exchanges.submit(bureau, late)).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.refusals()).singleElement().satisfies(r -> {
                    assertThat(r.ruleId()).isEqualTo("R-JOINT-SPECIAL");
                    assertThat(r.message()).contains("by 24:00 of 2026-11-24");
                }));
        Exchange emergency = exchanges.submit(bureau, new Letter(late.kind(), applicant, null, null, late.title(),
                late.facts(), true, null, null, null, null, plan, late.actionDate(), late.participants()));
        assertThat(emergency.receiverWhy()).contains("R-JOINT-EMERGENCY");
        assertThat(obligation("R-JOINT-SPECIAL", emergency.recordId()).status()).isEqualTo(Obligation.MET);

        Exchange x = exchanges.submit(bureau, new Letter(late.kind(), applicant, null, null, "非法采砂联合整治",
                "联合水务、自然资源部门对河道采砂开展联合执法", false, null, null, null, null, plan,
                LocalDate.parse("2026-12-01"), List.of("swj", "jtysj", "zrzyj")));
        assertThat(x.receiver()).isEqualTo("ldxzbgs");
        assertThat(x.number()).startsWith("LH-2026-");
        assertThat(x.replyDueAt()).as("the office answers before the action day").isEqualTo(
                Instant.parse("2026-11-30T16:00:00Z"));
        Obligation inTime = obligation("R-JOINT-SPECIAL", x.recordId());
        assertThat(inTime.dueAt()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z")); // 24:00 of 26 Nov
        assertThat(inTime.status()).isEqualTo(Obligation.MET);

        assertThatThrownBy(() -> exchanges.act(bureau, x.id(), answer(Answer.Action.APPROVE)))
                .isInstanceOf(SecurityException.class);
        Exchange approved = exchanges.act(office, x.id(), answer(Answer.Action.APPROVE));
        assertThat(approved.state()).isEqualTo(ExchangeState.APPROVED);
        // the participants with a channel get the approval: jtysj's REST inbox, zrzyj's inbox table
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.requestsFor(x.number()) > 0
                && zrzyjInbox.queryForObject("SELECT COUNT(*) FROM hub_inbox WHERE WSH = ?", Integer.class,
                        x.number()) > 0);

        assertThat(exchanges.view(zrzyj, x.id())).as("a participant sees the approved action").isPresent();
        assertThat(exchanges.view(scjgj, x.id())).isEmpty();
        assertThatThrownBy(() -> exchanges.act(scjgj, x.id(), new Answer(Answer.Action.LINK_CASE, "1", null, null,
                null, null, null, null))).as("not a participant").isInstanceOf(SecurityException.class);
        Exchange linked = exchanges.act(zrzyj, x.id(), new Answer(Answer.Action.LINK_CASE, "武自然资立〔2026〕52号",
                null, null, null, null, null, null));
        assertThat(linked.state()).isEqualTo(ExchangeState.APPROVED);
        assertThat(envelope(x.recordId(), linked.rowVersion()).at("/body/EXCHANGE/answer/caseNumber").asText())
                .isEqualTo("武自然资立〔2026〕52号");
        assertThat(exchanges.view(office, x.id()).orElseThrow().events()).extracting(e -> e.actorUnit())
                .containsExactly("zhzf", "ldxzbgs", "zrzyj");

        // R-JOINT-HANDOVER: on the scene, transport finds illegal land use and hands it to natural resources; the
        // hand-over record stands for the transfer's materials
        Letter handover = new Letter(ExchangeKind.CASE_TRANSFER, new Letter.Sender("jtysj", "县交通运输局",
                creditCode("11330723", "00254903")), "zrzyj", null, "现场发现非法占用河道管理范围内土地",
                "联合执法现场发现采砂场占用河滩地约 2 亩", false, instantAt("2026-11-25T09:30"), company(),
                approval("2026-11-25T09:40"), null, List.of(new Letter.Attached(Material.HANDOVER_RECORD,
                        "现场移交记录.pdf", pdf("现场移交记录"), null)), null, null, x.number());
        Exchange handed = exchanges.submit(jtysj, handover);
        assertThat(envelope(handed.recordId(), 1).at("/body/EXCHANGE/handoverOf").asText()).isEqualTo(x.number());
        await().atMost(Duration.ofSeconds(20)).until(() -> zrzyjInbox.queryForObject( // the transfer in its inbox table
                "SELECT COUNT(*) FROM hub_inbox WHERE WSH = ? AND LX = 'CASE_TRANSFER'", Integer.class,
                handed.number()) == 1);
        Letter outsider = new Letter(ExchangeKind.CASE_TRANSFER, scjgjSender(), "zrzyj", null, handover.title(),
                handover.facts(), false, handover.discoveredAt(), company(), handover.approval(), null,
                handover.materials(), null, null, x.number());
        assertThatThrownBy(() -> exchanges.submit(scjgj, outsider)).isInstanceOfSatisfying(
                ExchangeRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::ruleId)
                        .containsExactly("R-JOINT-HANDOVER"));
    }

    /**
     * R-ASSIST-URGENT: an urgent request needs the department to confirm at once that staff are on the way; past
     * "immediately" (hub.calendar.immediately, 2 h) the scan raises an alert, which the confirmation resolves.
     */
    @Test
    @Order(10)
    void anUrgentAssistanceRequestAlertsUntilTheDepartmentConfirmsItsStaffAreOnTheWay() {
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        Exchange x = exchanges.submit(bureau, new Letter(ExchangeKind.ASSISTANCE_REQUEST, new Letter.Sender("zhzf",
                "县综合行政执法局", creditCode("11330723", "MB0F1C8X")), "zrzyj", null, "请求派员现场认定非法采矿",
                "现场发现非法采矿，证据可能灭失，请即派员", true, null, company(), null, Letter.Purpose.DETERMINATION,
                materials(List.of(Material.REQUEST_LETTER))));
        exchanges.scan();
        String open = "SELECT COUNT(*) FROM hub_alert WHERE kind = 'ASSIST_URGENT_UNANSWERED' AND subject = ?"
                + " AND status = 'OPEN'";
        assertThat(jdbc.queryForObject(open, Integer.class, x.number())).as("within 2 h: no alert").isZero();
        clock.set(Instant.parse("2026-11-25T04:30:00Z")); // 2.5 h later, nobody confirmed
        exchanges.scan();
        assertThat(jdbc.queryForObject(open, Integer.class, x.number())).isEqualTo(1);
        exchanges.act(zrzyj, x.id(), answer(Answer.Action.STAFF_DISPATCHED));
        assertThat(jdbc.queryForObject(open, Integer.class, x.number())).as("resolved by the confirmation").isZero();
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
    }

    /**
     * A delivery the sharing policy refuses (here an exchange record planned to the office, which consumes no C7)
     * is DEAD at once with its reason, not left in the outbox to be offered and refused on every pass.
     */
    @Test
    @Order(11)
    void aDeliveryThePolicyRefusesIsDeadWithItsReason() {
        long record = jdbc.queryForObject("SELECT MIN(record_id) FROM hub_exchange WHERE kind = 'CASE_TRANSFER'",
                Long.class);
        hub.getBean(org.onex.hub.store.DeliveryStore.class).plan(record, 1, "ldxzbgs", "test: not shared", null,
                Instant.now());
        String sql = "SELECT status || ' ' || COALESCE(last_error, '') FROM hub_delivery WHERE record_id = ? AND version = 1"
                + " AND department = 'ldxzbgs'";
        String outcome = await().atMost(Duration.ofSeconds(20)).until(
                () -> jdbc.queryForObject(sql, String.class, record), o -> o.startsWith("DEAD"));
        assertThat(outcome).contains("not shared with this department");
    }

    /** The text of the QR code on a rendered page. */
    private static String qrText(java.awt.image.BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(source)),
                Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static java.net.http.HttpResponse<String> post(java.net.http.HttpClient http, String url, String key,
            String json) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    // --- fixtures in the shapes a county's letters have

    private Letter transfer(Letter.Sender sender, String receiver, String matter, Instant discovered, boolean urgent,
            List<Material> given, Letter.Approval approval) {
        return new Letter(ExchangeKind.CASE_TRANSFER, sender, receiver, matter, "涉嫌销售过期食品",
                "2026年11月23日上午，执法人员在某超市检查时发现货架上有过期食品 12 件", urgent, discovered, company(),
                approval, null, materials(given));
    }

    private Letter.Sender scjgjSender() {
        return new Letter.Sender("scjgj", "县市场监管局", scjgjCode);
    }

    private static Letter.Party company() {
        return new Letter.Party("武义县某某超市有限公司", creditCode("91330723", "MA2HXY7Q"), null);
    }

    private static Letter.Party person() {
        String first17 = "33072319800214123";
        return new Letter.Party("村民甲", null, first17 + IdNumbers.checkCharacter(first17));
    }

    private static Letter.Approval approval(String local) {
        return new Letter.Approval("分管副局长", instantAt(local));
    }

    private static List<Letter.Attached> materials(List<Material> which) {
        return which.stream().map(m -> new Letter.Attached(m, m.zh() + ".pdf", pdf(m.zh()), null)).toList();
    }

    /** A small real PDF whose text names what it is. */
    private static String pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer answer(Answer.Action action) {
        return new Answer(action, null, null, null, null, null, null, null);
    }

    private static Answer accept(String caseNumber) {
        return new Answer(Answer.Action.ACCEPT, caseNumber, null, null, null, null, null, null);
    }

    private static Instant instantAt(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A valid credit code from its first 8 characters and the 8-character body of its organisation code. */
    static String creditCode(String first8, String orgBody) {
        String first17 = first8 + orgBody + CreditCodes.orgCheckCharacter(orgBody);
        return first17 + CreditCodes.checkCharacter(first17);
    }

    private Obligation obligation(String rule, long recordId) {
        return hub.getBean(ObligationStore.class).list(rule, null, null, null, 1000).stream()
                .filter(o -> o.recordId() == recordId).findFirst().orElseThrow();
    }

    private JsonNode envelope(long recordId, int version) {
        String json = jdbc.queryForObject("SELECT envelope FROM hub_record_version WHERE record_id = ? AND version = ?",
                String.class, recordId, version);
        try {
            return org.onex.hub.schema.HubJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
