package org.onex.hub.delivery;

import java.time.Clock;

import org.onex.hub.store.DeliveryStore;

/** A channel through which the department acknowledges decisions itself (an ack column, an ack file). */
public interface AcknowledgingChannel {

    /** Records the acknowledgements the department has made since the last call; returns how many. */
    int pollAcks(String department, DeliveryStore store, Clock clock);
}
