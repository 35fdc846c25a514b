package org.onex.hub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.support.JmsUtils;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Issue 16: a feed page re-sent after a commit whose answer was lost (broker failover, crash before the mark moved).
 * Artemis rolls back a whole transaction holding a duplicate id; {@link FeedPublisher#duplicate} recognises that
 * rollback, and the same versions sent without a transaction are stored once each, the new one included.
 */
class FeedPublisherDuplicateTest {

    @Test
    void aTransactionWithAPublishedVersionIsRolledBackAndTheResendWithoutOneStoresEachVersionOnce() throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).addAcceptorConfiguration("vm", "vm://7"));
        broker.start();
        try (Connection connection = new ActiveMQConnectionFactory("vm://7").createConnection()) {
            Session consuming = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consuming.createConsumer(consuming.createTopic("hub.feed.C2"));
            connection.start();
            Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
            send(tx, "1");
            tx.commit();

            send(tx, "1", "2"); // the page again, with a version published since
            Throwable rollback = catchThrowable(tx::commit);
            assertThat(FeedPublisher.duplicate(JmsUtils.convertJmsAccessException((JMSException) rollback))).isTrue();
            assertThat(FeedPublisher.duplicate(new IllegalStateException("connection lost"))).isFalse();

            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), "1", "2");
            List<String> received = new ArrayList<>();
            for (Message m = consumer.receive(2000); m != null; m = consumer.receive(200)) {
                received.add(m.getStringProperty(FeedHeaders.DUPLICATE_ID));
            }
            assertThat(received).containsExactly("1", "2");
        } finally {
            broker.stop();
        }
    }

    private static void send(Session session, String... ids) throws JMSException {
        MessageProducer producer = session.createProducer(session.createTopic("hub.feed.C2"));
        for (String id : ids) {
            Message m = session.createTextMessage(id);
            m.setStringProperty(FeedHeaders.DUPLICATE_ID, id);
            producer.send(m);
        }
    }
}
