package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * End to end through real servers: a department database (PostgreSQL or MariaDB) polled by the
 * jdbc-source template into a PostgreSQL hub store, served on the REST feed and on the bureau's Artemis
 * topic to a JMS consumer that logs in over the broker's network acceptor as a bureau API client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractJdbcSourceIT {

    static final AtomicLong IDS = new AtomicLong(1000);
    static int brokerPort;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate store;
    @Autowired
    ApiClients clients;

    Connection jms;
    MessageConsumer topic;

    abstract LicenceSource source();

    /** Fresh hub store, route file and broker port; {@code sourceUrl} is the department database. */
    static void hubProperties(DynamicPropertyRegistry registry, String storeDb, String sourceUrl, String user) {
        String storeUrl = TestDatabases.freshPostgres(storeDb);
        brokerPort = TestDatabases.freePort();
        Path routes = TestRoutes.licenceRoute(java.util.Map.of("lookback", "10m", "sweepEvery", "1s"));
        registry.add("spring.datasource.url", () -> storeUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.routes-dir", routes::toString);
        registry.add("hub.data-dir", () -> routes.resolve("data").toString());
        registry.add("spring.artemis.embedded.persistent", () -> "false");
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE,AMQP");
        registry.add("hub.datasources.it-src.url", () -> sourceUrl);
        registry.add("hub.datasources.it-src.username", () -> user);
    }

    @Autowired
    org.springframework.context.ApplicationContext hubContext;

    @BeforeEach
    void authorize() {
        TestClients.authorize(rest, TestClients.operator(hubContext)); // issue 6: the API needs a key
    }

    /** Issue 6: the broker admits API clients only; a bureau system subscribes to the bureau's view of C2. */
    @BeforeEach
    void subscribe() throws Exception {
        String id = "it-bureau-" + IDS.incrementAndGet();
        clients.add(id, Role.BUREAU, null, null, AuditLog.HUB);
        String key = clients.issue(id, AuditLog.HUB).key();
        jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection(id, key);
        Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        topic = session.createConsumer(session.createTopic("hub.feed.bureau.C2"), "department = 'scjgj'");
        jms.start();
    }

    @AfterEach
    void close() throws Exception {
        jms.close();
    }

    @Test
    void rowsReachTheFeedAndTheTopicOnce() throws Exception {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        source().insert(a, "IT-FEED-" + a, source().validCreditCode(), LicenceSource.now());
        source().insert(b, "IT-FEED-" + b, source().validCreditCode(), LicenceSource.now());

        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> feed("department=scjgj&limit=1000"),
                p -> keys(p).containsAll(List.of("IT-FEED-" + a, "IT-FEED-" + b)));
        JsonNode first = find(page, "IT-FEED-" + a);
        assertThat(first.at("/category").asText()).isEqualTo("C2");
        assertThat(first.at("/recordType").asText()).isEqualTo("LICENCE");
        assertThat(first.at("/document/validTo").asText()).isEqualTo("2099-12-31");
        assertThat(first.at("/identity/version").asInt()).isEqualTo(1);

        List<TextMessage> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message m = topic.receive(200);
            if (m instanceof TextMessage t && t.getText().contains("IT-FEED-")) {
                received.add(t);
            }
            return received.stream().map(this::key).toList().containsAll(List.of("IT-FEED-" + a, "IT-FEED-" + b));
        });
        TextMessage msg = received.stream().filter(t -> key(t).equals("IT-FEED-" + a)).findFirst().orElseThrow();
        assertThat(msg.getStringProperty("category")).isEqualTo("C2");
        assertThat(msg.getStringProperty("recordType")).isEqualTo("LICENCE");
        assertThat(msg.getStringProperty("department")).isEqualTo("scjgj");
        assertThat(msg.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(first.at("/identity/versionId").asText());
        assertThat(received.stream().filter(t -> key(t).equals("IT-FEED-" + a))).hasSize(1);
    }

    @Test
    void changedRowBecomesANewVersionAndRevocationIsKeptAsStatus() {
        long id = IDS.incrementAndGet();
        source().insert(id, "IT-VER-" + id, source().validCreditCode(), LicenceSource.now());
        long recordId = awaitRecord("IT-VER-" + id);
        source().updateContent(id, "变更经营项目", LicenceSource.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> versions(recordId) == 2);
        source().revoke(id, LicenceSource.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> versions(recordId) == 3);

        JsonNode record = rest.getForObject("/api/v1/records/" + recordId, JsonNode.class);
        assertThat(record.at("/record/status").asText()).isEqualTo("REVOKED");
        assertThat(record.at("/record/body/XK_NR").asText()).isEqualTo("变更经营项目");
        assertThat(record.at("/versions")).hasSize(3);
        assertThat(record.at("/versions/0/status").asText()).isEqualTo("VALID");
    }

    @Test
    void rereadingRowsInTheLookBackSweepStoresNothingNew() {
        long id = IDS.incrementAndGet();
        source().insert(id, "IT-SWEEP-" + id, source().validCreditCode(), LicenceSource.now());
        long recordId = awaitRecord("IT-SWEEP-" + id);
        String before = watermark();
        // Wait for a complete look-back sweep that re-read the row (sweepEvery 1s, lookback 10m).
        await().atMost(Duration.ofSeconds(20)).until(() -> sweptAt(watermark()) != null
                && !sweptAt(watermark()).equals(sweptAt(before)));
        assertThat(versions(recordId)).isEqualTo(1);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM hub_record WHERE source_key = ?", Integer.class,
                "IT-SWEEP-" + id)).isEqualTo(1);
    }

    /** R-APPROVAL-NOTICE: a decision whose row commits late must still reach the bureau. */
    @Test
    void rowCommittedLateWithAnOlderTimestampIsStillPickedUp_R_APPROVAL_NOTICE() {
        long newer = IDS.incrementAndGet();
        source().insert(newer, "IT-NEW-" + newer, source().validCreditCode(), LicenceSource.now());
        awaitRecord("IT-NEW-" + newer);
        // The cursor has passed this time; the row's transaction commits only now.
        long late = IDS.incrementAndGet();
        source().insert(late, "IT-LATE-" + late, source().validCreditCode(), LicenceSource.now().minusMinutes(2));
        awaitRecord("IT-LATE-" + late);
    }

    @Test
    void invalidRowGoesToQuarantineWithItsReasonAndNotToTheFeed() {
        long id = IDS.incrementAndGet();
        source().insert(id, "IT-BAD-" + id, source().brokenCreditCode(), LicenceSource.now());
        JsonNode list = await().atMost(Duration.ofSeconds(20)).until(
                () -> rest.getForObject("/api/v1/quarantine?department=scjgj&rule=CREDIT_CODE_CHECK", JsonNode.class),
                l -> l.findValuesAsText("sourceKey").contains("IT-BAD-" + id));
        JsonNode entry = null;
        for (JsonNode e : list.get("items")) {
            if (e.get("sourceKey").asText().equals("IT-BAD-" + id)) {
                entry = e;
            }
        }
        assertThat(entry.at("/failures/0/field").asText()).isEqualTo("subject.creditCode");
        assertThat(entry.at("/failures/0/message").asText()).contains("check character");
        assertThat(entry.at("/sourceRef").asText()).isEqualTo("xk_licence ID=" + id);
        // The payload keeps the source's own column names (PostgreSQL folds them to lower case).
        assertThat(entry.get("payload").properties()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualToIgnoringCase("XK_WSH");
            assertThat(e.getValue().asText()).isEqualTo("IT-BAD-" + id);
        });
        assertThat(keys(feed("department=scjgj&limit=1000"))).doesNotContain("IT-BAD-" + id);
    }

    long awaitRecord(String key) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> store.queryForList(
                "SELECT id FROM hub_record WHERE department = 'scjgj' AND source_key = ?", Long.class, key),
                ids -> ids.size() == 1).get(0);
    }

    int versions(long recordId) {
        return store.queryForObject("SELECT COUNT(*) FROM hub_record_version WHERE record_id = ?", Integer.class,
                recordId);
    }

    String watermark() {
        return store.queryForObject("SELECT cursor_json FROM hub_watermark WHERE department = 'scjgj'", String.class);
    }

    static String sweptAt(String cursorJson) {
        try {
            JsonNode n = HubJson.mapper().readTree(cursorJson == null ? "{}" : cursorJson);
            return n.hasNonNull("sweptAt") ? n.get("sweptAt").asText() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode feed(String query) {
        return rest.getForObject("/api/v1/records?" + query, JsonNode.class);
    }

    static List<String> keys(JsonNode page) {
        return page.get("items").findValuesAsText("sourceKey");
    }

    static JsonNode find(JsonNode page, String key) {
        for (JsonNode item : page.get("items")) {
            if (item.at("/identity/sourceKey").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no " + key + " in feed page");
    }

    String key(TextMessage m) {
        try {
            return HubJson.mapper().readTree(m.getText()).at("/identity/sourceKey").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
