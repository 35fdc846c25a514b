package org.onex.hub.feed;

import java.util.List;
import java.util.Set;

import org.onex.hub.policy.Client;
import org.onex.hub.schema.Category;

/**
 * One masked feed topic: the Artemis address, the category it carries, the broker roles that may consume it, and
 * the clients whose {@code SharingEnforcer.view} its messages are.
 *
 * @param address   {@code hub.feed.<role>.<C>} (every record the role receives of the category) or
 *                  {@code hub.feed.<role>.<unit>.<C>} (only the records concerning that unit, {@code own} access)
 * @param consumers the broker roles ({@code org.onex.hub.auth.BrokerRoles}) that may subscribe; the hub's own
 *                  role is added by the broker settings
 * @param viewers   who the messages are built for, in order of preference: all entitled alike (the same role and
 *                  access), any one will do, except that a unit sees its own records unmasked — so a record is
 *                  viewed by the first viewer that did not provide it ({@link #viewerFor})
 * @param unit      the unit of an {@code own} topic (the concerned department), null for a role topic
 */
public record FeedTopic(String address, Category category, Set<String> consumers, List<Client> viewers, String unit) {

    public FeedTopic {
        consumers = Set.copyOf(consumers);
        viewers = List.copyOf(viewers);
        if (viewers.isEmpty()) {
            throw new IllegalArgumentException(address + " needs a viewer");
        }
    }

    /** The viewer for a record provided by {@code provider}: one that did not provide it, if there is one. */
    public Client viewerFor(String provider) {
        for (Client c : viewers) {
            if (c.department() == null || !c.department().equals(provider)) {
                return c;
            }
        }
        return viewers.get(0);
    }
}
