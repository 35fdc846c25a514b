package org.onex.hub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.apache.activemq.artemis.api.core.management.AddressControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.SourceRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The feed routes (DESIGN.md "publish after commit") against the embedded broker: a committed version
 * reaches its category's topic once with the selector properties and the duplicate-detection id; a
 * rolled-back one never does. The store is the embedded H2. The test subscribes in-VM with the hub's own
 * connection factory, so the broker treats it as the hub (role {@code hub}); network consumers and the masked
 * role topics are tested in {@link ArtemisSecurityIT}.
 */
@CamelSpringBootTest
// no network acceptor: the test subscribes in-VM, as the hub does (an acceptor vm://0 would clash with the broker
// of another cached test context in the same JVM, which already holds in-VM id 0)
@SpringBootTest(properties = { "hub.demo.enabled=false", "spring.artemis.embedded.persistent=false",
        "hub.artemis.acceptor-url=" })
class FeedRoutesTest {

    @Autowired
    IngestService ingest;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate jdbc;

    Connection connection;
    MessageConsumer c2;

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("feed-routes-test");
        Files.createDirectories(dir.resolve("routes"));
        registry.add("hub.data-dir", dir::toString);
        registry.add("hub.routes-dir", () -> dir.resolve("routes").toString());
    }

    @BeforeEach
    void subscribe() throws Exception {
        connection = connectionFactory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        c2 = session.createConsumer(session.createTopic("hub.feed.C2"));
        connection.start();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void committedVersionIsPublishedOnceWithItsProperties() throws Exception {
        var result = ingest.ingest(batch("FEED-TEST-1"));
        List<TextMessage> got = receive(1);
        TextMessage m = got.get(0);
        assertThat(m.getText()).contains("FEED-TEST-1");
        assertThat(m.getStringProperty(FeedHeaders.CATEGORY)).isEqualTo("C2");
        assertThat(m.getStringProperty(FeedHeaders.RECORD_TYPE)).isEqualTo("LICENCE");
        assertThat(m.getStringProperty(FeedHeaders.DEPARTMENT)).isEqualTo("scjgj");
        assertThat(m.getStringProperty(FeedHeaders.DUPLICATE_ID)).isEqualTo(m.getStringProperty(FeedHeaders.VERSION_ID));
        assertThat(m.getText()).contains("\"versionId\":" + m.getLongProperty(FeedHeaders.VERSION_ID));
        assertThat(m.getLongProperty(FeedHeaders.RECORD_ID)).isEqualTo(result.rows().get(0).recordId());
        assertThat(c2.receive(500)).as("published once").isNull();
    }

    @Test
    void rolledBackIngestPublishesNothing() throws Exception {
        tx.executeWithoutResult(status -> {
            ingest.ingest(batch("FEED-TEST-ROLLBACK"));
            status.setRollbackOnly();
        });
        // A later committed version is published; the rolled-back one appears neither before nor after it.
        ingest.ingest(batch("FEED-TEST-2"));
        List<TextMessage> got = receive(1);
        assertThat(got.get(0).getText()).contains("FEED-TEST-2").doesNotContain("FEED-TEST-ROLLBACK");
        assertThat(c2.receive(500)).isNull();
    }

    /** Views are built only for topics with a subscription: the publisher asks the broker through its session. */
    @Test
    void aTopicCountsAsSubscribedWhileAQueueIsBoundToIt() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(session).isInstanceOf(org.springframework.jms.connection.SessionProxy.class);
        MessageConsumer office = session.createConsumer(session.createTopic("hub.feed.office.C3"));
        Predicate<String> bound = FeedBindings.of(session);
        assertThat(bound.test("hub.feed.office.C3")).isTrue();
        assertThat(bound.test("hub.feed.C2")).as("the test's own subscription").isTrue();
        assertThat(bound.test("hub.feed.operator.C7")).isFalse();
        office.close();
        assertThat(FeedBindings.of(session).test("hub.feed.office.C3")).isFalse();
    }

    /** The internal topic too is sent a version only while something subscribes to it (the broker would drop it). */
    @Test
    void nothingIsSentToAFeedTopicWithoutASubscription() throws Exception {
        // the test's own subscription to hub.feed.C2 goes (the cached connection keeps consumers open until reset)
        connection.close();
        ((org.springframework.jms.connection.CachingConnectionFactory) connectionFactory).resetConnection();
        AddressControl address = (AddressControl) broker.getActiveMQServer().getManagementService()
                .getResource(ResourceNames.ADDRESS + "hub.feed.C2");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> address.getQueueNames().length == 0);
        long unrouted = address.getUnRoutedMessageCount();
        long routed = address.getRoutedMessageCount();
        ingest.ingest(batch("FEED-TEST-UNSUBSCRIBED"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM hub_feed_outbox", Long.class) == 0 && jdbc.queryForObject("SELECT counter_value"
                        + " FROM hub_counter WHERE name = 'published_seq'", Long.class).equals(jdbc.queryForObject(
                                "SELECT COALESCE(MAX(seq), 0) FROM hub_feed", Long.class)));
        assertThat(address.getUnRoutedMessageCount()).as("sent and dropped").isEqualTo(unrouted);
        assertThat(address.getRoutedMessageCount()).isEqualTo(routed);
    }

    private List<TextMessage> receive(int count) throws Exception {
        List<TextMessage> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (got.size() < count && System.currentTimeMillis() < deadline) {
            Message m = c2.receive(250);
            if (m instanceof TextMessage t) {
                got.add(t);
            }
        }
        assertThat(got).hasSize(count);
        return got;
    }

    private static IngestBatch batch(String documentNumber) {
        Random r = new Random(documentNumber.hashCode());
        Map<String, Object> row = Map.of("XK_WSH", documentNumber, "XK_XDR_MC", SyntheticData.companyName(r),
                "XK_XDR_LB", "02", "XK_XDR_SHXYM", SyntheticData.creditCode(r), "XK_JDRQ", "2026-11-20",
                "XK_XKLB", "01", "UPDATED_AT", "2026-11-20T09:00:00");
        return new IngestBatch("scjgj", "licences", List.of(new SourceRow(row, "test")), null, Instant.now());
    }
}
