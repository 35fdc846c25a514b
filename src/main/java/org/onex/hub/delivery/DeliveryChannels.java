package org.onex.hub.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.onex.hub.store.DeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The delivery channels wired in {@code routes/}, by department; polls those that take acknowledgements. */
@Component
public class DeliveryChannels {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryChannels.class);

    private final Map<String, DeliveryChannel> byDepartment = new ConcurrentHashMap<>();
    private final DeliveryStore store;
    private final Clock clock;

    public DeliveryChannels(DeliveryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Camel may create a template's beans more than once while it builds the route: the last one wins. */
    void register(String department, DeliveryChannel channel) {
        byDepartment.put(department, channel);
    }

    public Set<String> departments() {
        return new TreeSet<>(byDepartment.keySet());
    }

    /** One round of acknowledgement polling; a failing department is logged and the others go on. */
    public int pollAcks() {
        int n = 0;
        for (Map.Entry<String, DeliveryChannel> e : byDepartment.entrySet()) {
            if (e.getValue() instanceof AcknowledgingChannel acks) {
                try {
                    n += acks.pollAcks(e.getKey(), store, clock);
                } catch (RuntimeException ex) {
                    LOG.warn("{}: cannot read acknowledgements from its {} channel: {}", e.getKey(),
                            e.getValue().kind(), DeliveryConsumer.reason(ex));
                }
            }
        }
        return n;
    }
}
