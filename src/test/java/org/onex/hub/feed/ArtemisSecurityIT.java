package org.onex.hub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.it.TestDatabases;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.IdNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Issue 6 on the Artemis channel, with a real JMS client over the embedded broker's network acceptor (CORE):
 * network clients log in with their API client id and key, may subscribe only to the topics of their role, and
 * receive records masked by the sharing policy as on every other channel. The hub runs without demo
 * departments; the test ingests its own records through the real mappings and delivery routing.
 */
@SpringBootTest(properties = { "hub.demo.enabled=false", "spring.artemis.embedded.persistent=false",
        "hub.artemis.key-check-period=500", "hub.security.broker-login.failures=8",
        "hub.security.broker-login.period=10m" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArtemisSecurityIT {

    static final AtomicInteger IDS = new AtomicInteger();
    static int brokerPort;

    @Autowired
    ApiClients clients;
    @Autowired
    IngestService ingest;
    @Autowired
    AuditLog audit;
    @Autowired
    BrokerReads reads;

    final List<Connection> open = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("artemis-security-it");
        Files.createDirectories(dir.resolve("routes"));
        brokerPort = TestDatabases.freePort();
        registry.add("hub.data-dir", dir::toString);
        registry.add("hub.routes-dir", () -> dir.resolve("routes").toString());
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE,AMQP");
    }

    @AfterEach
    void close() {
        for (Connection c : open) {
            try {
                c.close();
            } catch (JMSException e) {
                // closed by the broker already (revocation)
            }
        }
    }

    @Test
    void noCredentialsOrAWrongKeyIsRefusedAndAudited() {
        Credentials office = client(Role.OFFICE, null);
        Credentials other = client(Role.BUREAU, null);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("no credentials", new String[] { null, null });
        cases.put("unknown key", new String[] { office.id(), "hub_" + "x".repeat(43) });
        cases.put("another client's key", new String[] { office.id(), other.key() });
        cases.put("no password", new String[] { office.id(), null });
        cases.forEach((name, login) -> assertThatThrownBy(() -> connect(login[0], login[1])).as(name)
                .isInstanceOf(JMSSecurityException.class));
        assertThat(audit.page(0, 10_000)).filteredOn(e -> e.action().equals(AuditAction.LOGIN_FAILED))
                .extracting(AuditEntry::clientId).contains("artemis:anonymous", office.id());
    }

    @Test
    void aClientCannotSubscribeOutsideItsTopics() throws Exception {
        Credentials scjgj = client(Role.DEPARTMENT, "scjgj");
        Credentials office = client(Role.OFFICE, null);
        Credentials bureau = client(Role.BUREAU, null);
        Credentials operator = client(Role.OPERATOR, null);
        Object[][] refused = {
            { scjgj, "hub.feed.bureau.C2" },              // another role's topic
            { scjgj, "hub.feed.C2" },                     // the internal, unmasked topic
            { scjgj, "hub.feed.department.zrzyj.C3" },    // another department's decisions
            { scjgj, "hub.alerts" },
            { office, "hub.feed.department.scjgj.C3" },
            { office, "hub.feed.C3" },
            { bureau, "hub.feed.bureau.C3" },             // no such topic: the bureau receives no C3 (it provides it)
            { bureau, "hub.delivery.scjgj" },             // internal delivery queue
            { operator, "hub.feed.bureau.C6" },           // C6 is the bureau's only
        };
        for (Object[] c : refused) {
            Credentials who = (Credentials) c[0];
            String topic = (String) c[1];
            Session session = connect(who.id(), who.key()).createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic(topic))).as(who.id() + " on " + topic)
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("does not have permission");
        }
        Session s = connect(scjgj.id(), scjgj.key()).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createConsumer(s.createTopic("hub.feed.C2")))
                .hasMessageContaining("permission='CREATE_NON_DURABLE_QUEUE'").hasMessageEndingWith("on address hub.feed.C2");
        assertThat(audit.page(0, 10_000)).filteredOn(e -> e.action().equals(AuditAction.POLICY_DENIED))
                .extracting(AuditEntry::target).contains("artemis:hub.feed.C2", "artemis:hub.feed.department.zrzyj.C3");

        // allowed ones open, and nobody but the hub may publish on a feed topic
        Session session = connect(office.id(), office.key()).createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("hub.feed.office.C3")).close();
        Session ops = connect(operator.id(), operator.key()).createSession(false, Session.AUTO_ACKNOWLEDGE);
        ops.createConsumer(ops.createTopic("hub.alerts")).close();
        assertThatThrownBy(() -> session.createProducer(session.createTopic("hub.feed.office.C3"))
                .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
    }

    /** Issue 6 item 2: per-role masking on Artemis; a department receives only the decisions delivered to it. */
    @Test
    void eachRoleReceivesItsMaskedViewAndADepartmentOnlyItsOwnDecisions() throws Exception {
        Credentials office = client(Role.OFFICE, null);
        Credentials bureau = client(Role.BUREAU, "zhzf");
        Credentials scjgj = client(Role.DEPARTMENT, "scjgj");
        Credentials zrzyj = client(Role.DEPARTMENT, "zrzyj");
        MessageConsumer officeC3 = subscribe(office, "hub.feed.office.C3");
        MessageConsumer bureauC2 = subscribe(bureau, "hub.feed.bureau.C2");
        MessageConsumer scjgjC3 = subscribe(scjgj, "hub.feed.department.scjgj.C3");
        MessageConsumer zrzyjC3 = subscribe(zrzyj, "hub.feed.department.zrzyj.C3");

        int n = IDS.incrementAndGet();
        String landPenalty = "武综执罚决字〔2026〕第" + (9100 + n) + "号";
        String foodPenalty = "武综执罚决字〔2026〕第" + (9200 + n) + "号";
        String licence = "武市监许〔2026〕" + (9300 + n) + "号";
        String zhang = idNumber("33072319900101123");
        String li = idNumber("33072319851212456");
        // the land penalty (zrzyj's) is stored first: scjgj's first message proves it never got it
        ingest("zhzf", "penalties", penalty(landPenalty, "王小明", idNumber("33072319700505789"), "330723-ZHZF-ZRZY-001"));
        ingest("zhzf", "penalties", penalty(foodPenalty, "张三", zhang, "330723-ZHZF-SCJG-001"));
        ingest("scjgj", "licences", licence(licence, "李四", li));

        List<JsonNode> officeGot = receive(officeC3, 2);
        JsonNode food = officeGot.get(1);
        assertThat(officeGot.get(0).at("/document/number").asText()).isEqualTo(landPenalty);
        assertThat(food.at("/document/number").asText()).isEqualTo(foodPenalty);
        assertThat(food.at("/subject/name").asText()).isEqualTo("张*");
        assertThat(food.at("/subject/idNumber").asText()).isEqualTo("330723********" + zhang.substring(14))
                .matches("330723\\*{8}\\d{3}[\\dX]");
        assertThat(food.at("/body/CF_SY").asText()).contains("138****5678").doesNotContain("13812345678");
        assertThat(officeGot.get(0).at("/subject/name").asText()).isEqualTo("王**");

        JsonNode own = receive(scjgjC3, 1).get(0);
        assertThat(own.at("/document/number").asText()).as("scjgj's first C3 is its own, not zrzyj's")
                .isEqualTo(foodPenalty);
        assertThat(own.at("/subject/name").asText()).isEqualTo("张*");
        assertThat(own.at("/subject/idNumber").asText()).isEqualTo("330723********" + zhang.substring(14));
        JsonNode land = receive(zrzyjC3, 1).get(0);
        assertThat(land.at("/document/number").asText()).isEqualTo(landPenalty);
        assertThat(zrzyjC3.receive(300)).as("zrzyj does not get scjgj's decision").isNull();

        TextMessage licenceMessage = receiveMessages(bureauC2, 1).get(0);
        JsonNode unmasked = HubJson.mapper().readTree(licenceMessage.getText());
        assertThat(unmasked.at("/document/number").asText()).isEqualTo(licence);
        assertThat(unmasked.at("/subject/name").asText()).isEqualTo("李四");
        assertThat(unmasked.at("/subject/idNumber").asText()).isEqualTo(li);
        assertThat(licenceMessage.getStringProperty(FeedHeaders.CATEGORY)).isEqualTo("C2");
        assertThat(licenceMessage.getStringProperty(FeedHeaders.DEPARTMENT)).isEqualTo("scjgj");
        assertThat(licenceMessage.getStringProperty(FeedHeaders.DUPLICATE_ID))
                .isEqualTo(unmasked.at("/identity/versionId").asText());
    }

    /** A revoked key is refused at the next connection, and an open subscription made with it is closed. */
    @Test
    void aRevokedKeyCannotConnectAnyMoreAndItsOpenConnectionIsClosed() throws Exception {
        Credentials scjgj = client(Role.DEPARTMENT, "scjgj");
        Credentials zrzyj = client(Role.DEPARTMENT, "zrzyj");
        connect(scjgj.id(), scjgj.key()).close();
        Connection subscribed = connect(scjgj.id(), scjgj.key());
        AtomicReference<JMSException> failure = new AtomicReference<>();
        subscribed.setExceptionListener(failure::set);
        subscribe(subscribed, "hub.feed.department.scjgj.C3");
        Connection other = connect(zrzyj.id(), zrzyj.key());
        AtomicReference<JMSException> otherFailure = new AtomicReference<>();
        other.setExceptionListener(otherFailure::set);

        clients.revoke(scjgj.id(), AuditLog.HUB);
        assertThatThrownBy(() -> connect(scjgj.id(), scjgj.key())).isInstanceOf(JMSSecurityException.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> failure.get() != null);
        assertThat(otherFailure.get()).as("a valid key stays connected").isNull();
        Session session = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("hub.feed.department.zrzyj.C3")).close();
    }

    /**
     * Issue 6 item 4 on Artemis: a subscription's reads are audited with count and digest of the record ids, once a
     * period while it stays open and when it closes.
     */
    @Test
    void aSubscriptionsReadsAreAuditedWhileOpenAndWhenClosed() throws Exception {
        Credentials bureau = client(Role.BUREAU, "zhzf");
        Connection connection = connect(bureau.id(), bureau.key());
        MessageConsumer c2 = subscribe(connection, "hub.feed.bureau.C2");
        int n = IDS.incrementAndGet();
        ingest("scjgj", "licences", licence("武市监许〔2026〕" + (9500 + n) + "号", "赵六", idNumber("33072319880808123")));
        long first = receiveMessages(c2, 1).get(0).getLongProperty(FeedHeaders.RECORD_ID);
        // the broker counts a delivery just after sending it: the client may see the message a moment earlier
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.flush() == 1);
        assertThat(reads.flush()).as("nothing new since").isZero();

        ingest("scjgj", "licences", licence("武市监许〔2026〕" + (9600 + n) + "号", "钱七", idNumber("33072319770707456")));
        long second = receiveMessages(c2, 1).get(0).getLongProperty(FeedHeaders.RECORD_ID);
        connection.close();

        List<AuditEntry> entries = await().atMost(Duration.ofSeconds(20)).until(() -> audit.page(0, 100_000).stream()
                .filter(e -> e.action().equals(AuditAction.FEED_READ) && e.clientId().equals(bureau.id())).toList(),
                l -> l.size() == 2);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo("artemis:hub.feed.bureau.C2");
            assertThat(e.role()).isEqualTo("BUREAU");
        });
        JsonNode open = HubJson.mapper().readTree(entries.get(0).detail());
        assertThat(open.get("consumer").asText()).isEqualTo("open");
        assertThat(open.get("count").asLong()).isEqualTo(1);
        assertThat(open.get("idsSha256").asText()).isEqualTo(AuditLog.idsDigest(List.of(first)));
        JsonNode closed = HubJson.mapper().readTree(entries.get(1).detail());
        assertThat(closed.get("consumer").asText()).isEqualTo("closed");
        assertThat(closed.get("count").asLong()).isEqualTo(1);
        assertThat(closed.get("idsSha256").asText()).isEqualTo(AuditLog.idsDigest(List.of(second)));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it blocks this host's broker logins for the rest of the period
    void aHostWithTooManyFailedLoginsIsRefusedEvenWithTheRightKeyAndAuditedOnce() throws Exception {
        Credentials bureau = client(Role.BUREAU, null);
        connect(bureau.id(), bureau.key()).close();
        int tries = 0;
        while (count(AuditAction.LOGIN_THROTTLED) == 0) {
            assertThat(++tries).as("failed logins before the host is blocked (limit 8 per period)").isLessThanOrEqualTo(8);
            assertThatThrownBy(() -> connect(bureau.id(), "hub_" + "y".repeat(43))).isInstanceOf(JMSSecurityException.class);
        }
        long failed = count(AuditAction.LOGIN_FAILED);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> connect(bureau.id(), bureau.key())).as("the right key, from a blocked host")
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(count(AuditAction.LOGIN_FAILED)).as("refusals while blocked are not audited one by one")
                .isEqualTo(failed);
        assertThat(count(AuditAction.LOGIN_THROTTLED)).isEqualTo(1);
        assertThat(audit.page(0, 10_000)).filteredOn(e -> e.action().equals(AuditAction.LOGIN_THROTTLED)).first()
                .satisfies(e -> assertThat(e.detail()).contains("127.0.0.1").contains("\"failures\":8"));
    }

    private long count(String action) {
        return audit.page(0, 100_000).stream().filter(e -> e.action().equals(action)).count();
    }

    record Credentials(String id, String key) {
    }

    Credentials client(Role role, String department) {
        String id = "it-" + role.name().toLowerCase() + "-" + IDS.incrementAndGet();
        clients.add(id, role, department, null, AuditLog.HUB);
        return new Credentials(id, clients.issue(id, AuditLog.HUB).key());
    }

    Connection connect(String user, String password) throws JMSException {
        // not closed here: closing a factory closes its connections; each connection is closed after the test
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
        Connection c = factory.createConnection(user, password);
        open.add(c);
        c.start();
        return c;
    }

    MessageConsumer subscribe(Credentials who, String topic) throws JMSException {
        return subscribe(connect(who.id(), who.key()), topic);
    }

    static MessageConsumer subscribe(Connection connection, String topic) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        return session.createConsumer(session.createTopic(topic));
    }

    static List<JsonNode> receive(MessageConsumer consumer, int count) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (TextMessage m : receiveMessages(consumer, count)) {
            out.add(HubJson.mapper().readTree(m.getText()));
        }
        return out;
    }

    static List<TextMessage> receiveMessages(MessageConsumer consumer, int count) {
        List<TextMessage> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message m = consumer.receive(200);
            if (m instanceof TextMessage t) {
                got.add(t);
            }
            return got.size() >= count;
        });
        return got;
    }

    void ingest(String department, String feed, Map<String, Object> row) {
        var result = ingest.ingest(new IngestBatch(department, feed, List.of(new SourceRow(row, "it")), null,
                Instant.now()));
        assertThat(result.rows().get(0).status().name()).as(result.toString()).isEqualTo("STORED");
    }

    static Map<String, Object> penalty(String number, String name, String idNumber, String matterCode) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CF_WSH", number);
        row.put("CF_XDR_MC", name);
        row.put("CF_XDR_LB", "01");
        row.put("CF_XDR_ZJHM", idNumber);
        row.put("CF_WFXW", "违法行为");
        row.put("CF_SY", "当事人（联系电话13812345678）违法经营");
        row.put("CF_YJ", "《中华人民共和国食品安全法》");
        row.put("CF_CFLB", "21");
        row.put("CF_NR", "罚款");
        row.put("CF_NR_FK", "0.5");
        row.put("CF_JDRQ", "2026-03-02");
        row.put("CF_CFJG", "武义县综合行政执法局");
        row.put("SXBM", matterCode);
        row.put("UPDATED_AT", "2026-03-02T09:00:00");
        return row;
    }

    static Map<String, Object> licence(String number, String name, String idNumber) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("XK_WSH", number);
        row.put("XK_XDR_MC", name);
        row.put("XK_XDR_LB", "01");
        row.put("XK_XDR_ZJHM", idNumber);
        row.put("XK_JDRQ", "2026-03-01");
        row.put("XK_XKLB", "01");
        row.put("UPDATED_AT", "2026-03-01T09:00:00");
        return row;
    }

    static String idNumber(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
