package org.onex.hub.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.springframework.jms.connection.SessionProxy;

import jakarta.jms.Session;

/**
 * Which masked feed topics have a subscription (a queue bound to the address) while a page is published. A
 * message sent to a topic without one is dropped by the broker, so building its view would only cost the
 * publisher time: with a view per role, that is most of the publishing work when few roles subscribe. A
 * durable subscription keeps its queue while its consumer is away, so it still receives every version. Asked once
 * per address and page; when the broker cannot be asked (not an Artemis session), every topic counts as
 * subscribed.
 */
final class FeedBindings {

    private FeedBindings() {
    }

    /** For one page: does the address have a subscription now? */
    static Predicate<String> of(Session session) {
        Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
        if (!(target instanceof ActiveMQSession artemis)) {
            return address -> true;
        }
        ClientSession core = artemis.getCoreSession();
        Map<String, Boolean> known = new HashMap<>();
        return address -> known.computeIfAbsent(address, a -> {
            try {
                return !core.addressQuery(SimpleString.of(a)).getQueueNames().isEmpty();
            } catch (ActiveMQException e) {
                return true;
            }
        });
    }
}
