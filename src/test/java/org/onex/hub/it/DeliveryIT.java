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
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.delivery.DeliveryMessages;
import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.faults.TcpRelay;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestResult;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.IdNumbers;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 4, R-PENALTY-FEEDBACK: the bureau's decisions are routed to their competent department and
 * delivered through each kind of channel against real peers — inbox tables in PostgreSQL (behind a TCP
 * relay that can be cut) and MariaDB, a folder on an SFTP server, an HTTP endpoint — exactly once in
 * effect, in order, through outages and a poison decision; tests count rows, files and requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryIT {

    private static final String INBOX_DDL = "CREATE TABLE hub_inbox (DELIVERY_KEY VARCHAR(80) NOT NULL UNIQUE,"
            + " RECORD_ID BIGINT, VERSION INT, CF_WSH VARCHAR(200), CF_XDR_MC VARCHAR(200), CF_NR_FK DECIMAL(12,4),"
            + " CF_JDRQ DATE, PAYLOAD TEXT, ACK_AT TIMESTAMP NULL)";

    private Path work;
    private TcpRelay pgRelay;
    private JdbcTemplate pgInbox;
    private JdbcTemplate mariaInbox;
    private EmbeddedSftpServer sftp;
    private int sftpPort;
    private RestInbox rest;
    private ConfigurableApplicationContext hub;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(20211);
    private int serial;
    private String pgUrl;
    private String mariaUrl;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-delivery-it");
        String pg = TestDatabases.freshPostgres("hub_it_inbox");
        TestDatabases.exec(pg, "postgres", "", INBOX_DDL);
        pgInbox = new JdbcTemplate(new DriverManagerDataSource(pg, "postgres", ""));
        pgRelay = new TcpRelay("127.0.0.1", 5432);
        String maria = TestDatabases.freshMariaDb("hub_it_inbox");
        TestDatabases.exec(maria, "root", "", INBOX_DDL);
        mariaInbox = new JdbcTemplate(new DriverManagerDataSource(maria, "root", ""));
        sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of("sthjj", "pw"));
        sftpPort = sftp.port();
        rest = new RestInbox();

        Path config = Files.createDirectories(work.resolve("config/inboxes"));
        Files.copy(Path.of("config/departments.yaml"), work.resolve("config/departments.yaml"));
        Files.copy(Path.of("config/sharing-policy.yaml"), work.resolve("config/sharing-policy.yaml")); // issue 6
        Files.writeString(work.resolve("config/matters.yaml"), "matters:\n"
                + "  - { code: IT-SCJG, department: scjgj }\n  - { code: IT-ZRZY, department: zrzyj }\n"
                + "  - { code: IT-STHJ, department: sthjj }\n  - { code: IT-JTYS, department: jtysj }\n");
        String inbox = "table: hub_inbox\nkeyColumn: DELIVERY_KEY\nackColumn: ACK_AT\ncolumns:\n"
                + "  DELIVERY_KEY: delivery.key\n  RECORD_ID: delivery.recordId\n  VERSION: delivery.version\n"
                + "  CF_WSH: record.document.number\n  CF_XDR_MC: record.subject.name\n"
                + "  CF_NR_FK: record.body.CF_NR_FK.amount\n  CF_JDRQ: record.document.decisionDate\n"
                + "  PAYLOAD: record\n";
        Files.writeString(config.resolve("scjgj.yaml"), inbox);
        Files.writeString(config.resolve("zrzyj.yaml"), inbox);
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Files.createDirectories(mappings.resolve("zhzf"));
        Files.writeString(mappings.resolve("zhzf/it-decisions.yaml"), "department: zhzf\nfeed: it-decisions\n"
                + "category: C3\nrecordType: PENALTY_DECISION\nsourceSystem: 案件管理系统（测试）\n"
                + "sourceKey: { column: CF_WSH }\nfields:\n"
                + "  subject.name: { column: CF_XDR_MC, required: true }\n"
                + "  subject.kind: { column: CF_XDR_LB, codes: subject-kinds, default: \"02\" }\n"
                + "  subject.creditCode: { column: CF_XDR_SHXYM }\n"
                + "  subject.idNumber: { column: CF_XDR_ZJHM }\n"
                + "  document.number: { column: CF_WSH, required: true }\n"
                + "  document.decisionDate: { column: CF_JDRQ, required: true }\n"
                + "  document.matterCode: { column: SXBM }\n"
                + "  body.RELATED_LICENCE_NO: { column: XKBH }\n"
                + "  body.CF_NR: { column: CF_NR }\n"
                + "  body.CF_NR_FK: { column: CF_NR_FK, type: money-wan-yuan }\n");
        Path routes = Files.createDirectories(work.resolve("routes"));
        String retry = "      - { name: maxAttempts, value: \"3\" }\n      - { name: retryDelay, value: 100ms }\n"
                + "      - { name: maxRetryDelay, value: 400ms }\n";
        Files.writeString(routes.resolve("deliveries.camel.yaml"), ""
                + "- templatedRoute:\n    routeTemplateRef: delivery-jdbc\n    routeId: scjgj-deliveries\n"
                + "    parameters:\n      - { name: department, value: scjgj }\n"
                + "      - { name: dataSource, value: scjgj-inbox }\n" + retry
                + "- templatedRoute:\n    routeTemplateRef: delivery-jdbc\n    routeId: zrzyj-deliveries\n"
                + "    parameters:\n      - { name: department, value: zrzyj }\n"
                + "      - { name: dataSource, value: zrzyj-inbox }\n" + retry
                + "- templatedRoute:\n    routeTemplateRef: delivery-sftp\n    routeId: sthjj-deliveries\n"
                + "    parameters:\n      - { name: department, value: sthjj }\n"
                + "      - { name: host, value: 127.0.0.1 }\n      - { name: port, value: \"" + sftpPort + "\" }\n"
                + "      - { name: username, value: sthjj }\n      - { name: password, value: pw }\n"
                + "      - { name: directory, value: inbox }\n" + retry
                + "- templatedRoute:\n    routeTemplateRef: delivery-rest\n    routeId: jtysj-deliveries\n"
                + "    parameters:\n      - { name: department, value: jtysj }\n"
                + "      - { name: url, value: \"" + rest.url() + "\" }\n" + retry);
        pgUrl = pg;
        mariaUrl = maria;
        hub = startHub(pg, maria);
    }

    private ConfigurableApplicationContext startHub(String pg, String maria) {
        return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--hub.config-dir=" + work.resolve("config"), "--hub.mappings-dir=" + work.resolve("mappings"),
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--hub.delivery.dispatch-period=100", "--hub.delivery.ack-period=200", "--hub.delivery.batch-size=4",
                "--camel.main.shutdown-timeout=2",
                "--hub.datasources.scjgj-inbox.url=" + pg.replace(":5432/", ":" + pgRelay.port() + "/")
                        + "?stringtype=unspecified",
                "--hub.datasources.scjgj-inbox.username=postgres", "--hub.datasources.scjgj-inbox.writable=true",
                "--hub.datasources.zrzyj-inbox.url=" + maria, "--hub.datasources.zrzyj-inbox.username=root",
                "--hub.datasources.zrzyj-inbox.writable=true");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
        rest.close();
        sftp.close();
        pgRelay.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    /** Issue 6: a department receives the decision as the sharing policy shows it to a department (masked). */
    @Test
    void aDecisionOnANaturalPersonReachesTheDepartmentMasked() throws Exception {
        String id17 = "33072319850202041";
        String idNumber = id17 + IdNumbers.checkCharacter(id17);
        Map<String, Object> person = decision("IT-SCJG", null, null);
        person.remove("CF_XDR_SHXYM");
        person.put("CF_XDR_MC", "李四");
        person.put("CF_XDR_LB", "01");
        person.put("CF_XDR_ZJHM", idNumber);
        RowOutcome stored = ingest(person).rows().get(0);
        assertThat(stored.status()).as(stored.violations().toString()).isEqualTo(RowOutcome.Status.STORED);

        awaitDelivered(person);
        Map<String, Object> row = pgInbox.queryForMap("SELECT * FROM hub_inbox WHERE cf_wsh = ?", person.get("CF_WSH"));
        JsonNode payload = HubJson.mapper().readTree((String) row.get("payload"));
        assertThat(payload.at("/subject/idNumber").asText()).isEqualTo("330723********" + idNumber.substring(14));
        assertThat(payload.at("/subject/name").asText()).isEqualTo("李*");
        assertThat((String) row.get("payload")).doesNotContain(idNumber);
        assertThat(payload.at("/document/number").asText()).isEqualTo(person.get("CF_WSH"));
    }

    @Test
    void eachDecisionReachesItsDepartmentOnceThroughEveryKindOfChannel() throws Exception {
        Map<String, Object> toScjgj = decision("IT-SCJG", null, null);
        Map<String, Object> toZrzyj = decision("IT-ZRZY", null, null);
        Map<String, Object> toSthjj = decision("IT-STHJ", null, null);
        Map<String, Object> toJtysj = decision("IT-JTYS", null, null);
        ingest(toScjgj, toZrzyj, toSthjj, toJtysj);

        Delivery scjgj = awaitDelivered(toScjgj);
        assertThat(scjgj.department()).isEqualTo("scjgj");
        assertThat(scjgj.routeReason()).contains("matter code IT-SCJG");
        assertThat(scjgj.channel()).isEqualTo("jdbc");
        Map<String, Object> row = pgInbox.queryForMap("SELECT * FROM hub_inbox WHERE cf_wsh = ?", toScjgj.get("CF_WSH"));
        assertThat(row.get("delivery_key")).isEqualTo(scjgj.key());
        assertThat(((java.math.BigDecimal) row.get("cf_nr_fk"))).isEqualByComparingTo("0.5");
        assertThat(row.get("cf_jdrq").toString()).isEqualTo(toScjgj.get("CF_JDRQ"));
        assertThat(HubJson.mapper().readTree((String) row.get("payload")).at("/identity/recordId").asLong())
                .isEqualTo(scjgj.recordId());

        Delivery zrzyj = awaitDelivered(toZrzyj);
        assertThat(mariaInbox.queryForObject("SELECT COUNT(*) FROM hub_inbox WHERE DELIVERY_KEY = ?", Integer.class,
                zrzyj.key())).isEqualTo(1);

        Delivery sthjj = awaitDelivered(toSthjj);
        Path folder = sftp.home("sthjj").resolve("inbox");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            String file = "decisions-" + sthjj.id() + "-" + sthjj.id() + ".json";
            assertThat(names).contains(file, file + ".done").noneMatch(n -> n.endsWith(".part"));
            JsonNode content = HubJson.mapper().readTree(folder.resolve(file).toFile());
            assertThat(content.get(0).get("deliveryKey").asText()).isEqualTo(sthjj.key());
            assertThat(content.get(0).at("/record/document/number").asText()).isEqualTo(toSthjj.get("CF_WSH"));
        }

        Delivery jtysj = awaitDelivered(toJtysj);
        List<RestInbox.Request> received = rest.requests.stream().filter(r -> r.key().equals(jtysj.key())).toList();
        assertThat(received).hasSize(1);
        // control headers never leak into department calls
        assertThat(received.get(0).headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel")
                || h.toLowerCase().startsWith("jms") || h.toLowerCase().startsWith("hub"));
        assertThat(HubJson.mapper().readTree(received.get(0).body()).at("/record/identity/sourceKey").asText())
                .isEqualTo(toJtysj.get("CF_WSH"));
    }

    @Test
    void withoutAMatterCodeTheLicenceIssuerIsCompetentAndAnUnroutableDecisionIsQuarantined() throws Exception {
        String creditCode = SyntheticData.creditCode(random);
        Map<String, Object> licence = new LinkedHashMap<>(Map.of("XK_WSH", "IT-LIC-" + (++serial), "XK_XDR_MC",
                "武义县测试食品有限公司", "XK_XDR_LB", "02", "XK_XDR_SHXYM", creditCode, "XK_JDRQ", "2026-03-01",
                "XK_XKBH", "JY13307230000" + serial, "UPDATED_AT", "2026-03-01T09:00:00"));
        hub.getBean(IngestService.class).ingest(new IngestBatch("scjgj", "licences",
                List.of(new SourceRow(licence, "test")), null, Instant.now()));

        Map<String, Object> byLicence = decision(null, creditCode, (String) licence.get("XK_XKBH"));
        Map<String, Object> lost = decision("NO-SUCH-MATTER", SyntheticData.creditCode(random), "NO-SUCH-LICENCE");
        IngestResult result = ingest(byLicence, lost);

        Delivery routed = awaitDelivered(byLicence);
        assertThat(routed.department()).isEqualTo("scjgj");
        assertThat(routed.routeReason()).contains("licence " + licence.get("XK_XKBH")).contains("issued by scjgj");
        RowOutcome quarantined = result.rows().get(1);
        assertThat(quarantined.status()).isEqualTo(RowOutcome.Status.QUARANTINED);
        assertThat(quarantined.violations()).extracting(v -> v.rule()).containsExactly("NO_COMPETENT_DEPARTMENT");
        assertThat(quarantined.violations().get(0).message()).contains("no competent department")
                .contains("NO-SUCH-MATTER");
        assertThat(hub.getBean(AlertStore.class).list(Alert.OPEN, "zhzf", "NO_COMPETENT_DEPARTMENT", null, 50))
                .anySatisfy(a -> assertThat(a.subject()).isEqualTo(lost.get("CF_WSH")));
    }

    @Test
    void aCorrectedDecisionIsDeliveredAgainAsANewVersionAndRepeatsAddNothing() {
        Map<String, Object> d = decision("IT-SCJG", null, null);
        ingest(d);
        Delivery v1 = awaitDelivered(d);
        ingest(d); // the same content again: unchanged, nothing new to deliver
        d.put("CF_NR", "罚款人民币捌仟元（更正）");
        d.put("CF_NR_FK", "0.8");
        ingest(d);
        Delivery v2 = await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(v1.recordId()),
                l -> l.size() == 2 && l.stream().allMatch(x -> x.status().equals(Delivery.DELIVERED))).get(0);
        assertThat(v2.version()).isEqualTo(2);
        List<Map<String, Object>> rows = pgInbox.queryForList("SELECT version, cf_nr_fk FROM hub_inbox WHERE cf_wsh = ?"
                + " ORDER BY version", d.get("CF_WSH"));
        assertThat(rows).extracting(r -> ((Number) r.get("version")).intValue()).containsExactly(1, 2);
        assertThat((java.math.BigDecimal) rows.get(1).get("cf_nr_fk")).isEqualByComparingTo("0.8");
    }

    @Test
    void departmentsAcknowledgeByInboxColumnByAckFileAndByTheApi() throws Exception {
        Map<String, Object> byColumn = decision("IT-SCJG", null, null);
        Map<String, Object> byFile = decision("IT-STHJ", null, null);
        Map<String, Object> byApi = decision("IT-JTYS", null, null);
        ingest(byColumn, byFile, byApi);
        Delivery column = awaitDelivered(byColumn);
        Delivery file = awaitDelivered(byFile);
        Delivery api = awaitDelivered(byApi);

        pgInbox.update("UPDATE hub_inbox SET ack_at = now() WHERE delivery_key = ?", column.key());
        Files.write(sftp.home("sthjj").resolve("inbox").resolve("decisions-" + file.id() + "-" + file.id()
                + ".json.ack"), new byte[0]);
        // the department acknowledges with its own key (issue 6): the receipt names that client
        String jtysj = TestClients.key(hub, "jtysj-legal", Role.DEPARTMENT, "jtysj");
        HttpResponse<String> ack = post("/deliveries/" + api.id() + "/ack", "{}", jtysj);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);

        for (Delivery d : List.of(column, file, api)) {
            Delivery acked = await().atMost(Duration.ofSeconds(20)).until(() -> store().find(d.id()).orElseThrow(),
                    x -> x.acknowledgedAt() != null);
            assertThat(acked.acknowledgedAt()).isAfterOrEqualTo(acked.deliveredAt());
        }
        assertThat(store().find(api.id()).orElseThrow().acknowledgedBy()).isEqualTo("jtysj-legal");
        assertThat(post("/deliveries/" + api.id() + "/ack", "{}", jtysj).statusCode()).isEqualTo(409);
        String scjgj = TestClients.key(hub, "scjgj-legal", Role.DEPARTMENT, "scjgj");
        assertThat(post("/deliveries/" + api.id() + "/ack", "{}", scjgj).statusCode())
                .as("another department's delivery").isEqualTo(403);
    }

    @Test
    void aPoisonDecisionGoesDeadWithItsErrorTheOthersGoOnAndAReplayAfterTheFixDeliversItOnce() throws Exception {
        Map<String, Object> poison = decision("IT-JTYS", null, null);
        Map<String, Object> after = decision("IT-JTYS", null, null);
        rest.poison.add((String) poison.get("CF_WSH"));
        ingest(poison, after);

        Delivery dead = await().atMost(Duration.ofSeconds(30)).until(() -> delivery(poison),
                d -> d != null && d.status().equals(Delivery.DEAD));
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("HTTP 500").contains("cannot file this decision");
        assertThat(rest.requestsFor((String) poison.get("CF_WSH"))).isEqualTo(3);
        awaitDelivered(after);
        JmsTemplate jms = new JmsTemplate(hub.getBean(jakarta.jms.ConnectionFactory.class));
        Integer inDlq = jms.browseSelected(DeliveryMessages.DEAD_LETTER_QUEUE, "deliveryId = " + dead.id(),
                (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
        assertThat(inDlq).isEqualTo(1);
        assertThat(hub.getBean(AlertStore.class).list(Alert.OPEN, "jtysj", "DELIVERY_DEAD", null, 50))
                .anySatisfy(a -> assertThat(a.message()).contains("delivery " + dead.id()));

        rest.poison.clear();
        HttpResponse<String> replay = post("/deliveries/" + dead.id() + "/replay", "{\"by\": \"值班员\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        awaitDelivered(poison);
        assertThat(rest.accepted.keySet().stream().filter(k -> k.equals(dead.key())).count()).isEqualTo(1L);
        Integer stillDead = jms.browseSelected(DeliveryMessages.DEAD_LETTER_QUEUE, "deliveryId = " + dead.id(),
                (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
        assertThat(stillDead).isZero();
        assertThat(post("/deliveries/" + dead.id() + "/replay", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void departmentsThatAreDownLoseNothingAndReceiveEverythingInOrderOfDecisionOnceBack() throws Exception {
        rest.stop();
        pgRelay.cut();
        sftp.close();
        List<Map<String, Object>> toJtysj = new ArrayList<>();
        List<Map<String, Object>> toScjgj = new ArrayList<>();
        List<Map<String, Object>> toSthjj = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                toJtysj.add(decision("IT-JTYS", null, null));
                toScjgj.add(decision("IT-SCJG", null, null));
                toSthjj.add(decision("IT-STHJ", null, null));
                List<Map<String, Object>> batch = List.of(toJtysj.get(i), toScjgj.get(i), toSthjj.get(i));
                ingest(batch.toArray(Map[]::new));
            }
            // while they are down, nothing is lost and no attempt is charged against the decisions
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Stream.of(toJtysj,
                    toScjgj, toSthjj).flatMap(List::stream).map(this::delivery)
                    .allMatch(d -> d != null && d.status().equals(Delivery.QUEUED) && d.attempts() == 0));
        } finally {
            rest.start();
            pgRelay.restore();
            sftp = EmbeddedSftpServer.start(sftpPort, work.resolve("sftp"), Map.of("sthjj", "pw"));
        }
        for (Map<String, Object> d : Stream.of(toJtysj, toScjgj, toSthjj).flatMap(List::stream).toList()) {
            awaitDelivered(d);
        }
        List<String> keys = toJtysj.stream().map(d -> delivery(d).key()).toList();
        List<String> arrived = new ArrayList<>(rest.accepted.keySet());
        arrived.retainAll(keys);
        assertThat(arrived).isEqualTo(keys); // in order of decision, each once
        for (Map<String, Object> d : toScjgj) {
            assertThat(pgInbox.queryForObject("SELECT COUNT(*) FROM hub_inbox WHERE cf_wsh = ?", Integer.class,
                    d.get("CF_WSH"))).isEqualTo(1);
        }
    }

    @Test
    void aHubStoppedMidDeliveryDeliversEveryDecisionExactlyOnceAfterTheRestart() throws Exception {
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decisions.add(decision(i % 2 == 0 ? "IT-JTYS" : "IT-SCJG", null, null));
        }
        rest.answerMillis = 100;
        try {
            ingest(decisions.toArray(Map[]::new));
            Map<String, Object> first = decisions.get(0);
            awaitDelivered(first);
            hub.close(); // with most of the REST deliveries still to go
            hub = null;
            long arrived = decisions.stream().filter(d -> inAnInbox((String) d.get("CF_WSH")) > 0).count();
            assertThat(arrived).as("stopped mid-delivery").isLessThan(decisions.size());
        } finally {
            rest.answerMillis = 0;
            if (hub == null) {
                hub = startHub(pgUrl, mariaUrl);
            }
        }
        for (Map<String, Object> d : decisions) {
            awaitDelivered(d);
        }
        for (Map<String, Object> d : decisions) {
            assertThat(inAnInbox((String) d.get("CF_WSH"))).as((String) d.get("CF_WSH")).isEqualTo(1L);
        }
    }

    /** How many times a decision is in the REST department's and the PostgreSQL department's inboxes. */
    private long inAnInbox(String number) {
        long rows;
        synchronized (rest.accepted) {
            rows = rest.accepted.values().stream().filter(b -> b.contains(number)).count();
        }
        Integer inPg = pgInbox.queryForObject("SELECT COUNT(*) FROM hub_inbox WHERE cf_wsh = ?", Integer.class, number);
        return rows + (inPg == null ? 0 : inPg);
    }

    // --- helpers ------------------------------------------------------------------------------

    private Map<String, Object> decision(String matter, String creditCode, String licence) {
        int n = ++serial;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CF_WSH", "武综执罚决字〔2026〕第" + (1000 + n) + "号-" + System.nanoTime() % 100000);
        row.put("CF_XDR_MC", SyntheticData.companyName(random));
        row.put("CF_XDR_SHXYM", creditCode == null ? SyntheticData.creditCode(random) : creditCode);
        row.put("CF_JDRQ", "2026-11-" + (10 + n % 15));
        row.put("SXBM", matter);
        row.put("XKBH", licence);
        row.put("CF_NR", "罚款人民币伍仟元");
        row.put("CF_NR_FK", "0.5");
        return row;
    }

    @SafeVarargs
    private IngestResult ingest(Map<String, Object>... rows) {
        List<SourceRow> list = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            list.add(new SourceRow(new LinkedHashMap<>(r), "test"));
        }
        return hub.getBean(IngestService.class).ingest(new IngestBatch("zhzf", "it-decisions", list, null,
                Instant.now()));
    }

    private DeliveryStore store() {
        return hub.getBean(DeliveryStore.class);
    }

    private List<Delivery> deliveries(long recordId) {
        return store().list(null, null, recordId, null, 10);
    }

    private Delivery delivery(Map<String, Object> decision) {
        List<Long> ids = hub.getBean(JdbcTemplate.class).queryForList("SELECT id FROM hub_record WHERE department ="
                + " 'zhzf' AND source_key = ?", Long.class, decision.get("CF_WSH"));
        return ids.isEmpty() ? null : deliveries(ids.get(0)).stream().findFirst().orElse(null);
    }

    private Delivery awaitDelivered(Map<String, Object> decision) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> delivery(decision),
                d -> d != null && d.status().equals(Delivery.DELIVERED));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, TestClients.operator(hub));
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
