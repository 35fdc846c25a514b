package org.onex.hub.feed;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.onex.hub.alert.Alerts;
import org.onex.hub.auth.BrokerRoles;
import org.onex.hub.schema.Category;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Broker-side security of the embedded broker ("a consumer can only subscribe to the addresses
 * its categories allow"). Turns security on and grants each address of {@link #settings} to its broker roles;
 * the users and their roles come from {@code org.onex.hub.auth.BrokerSecurityManager}. Only the embedded
 * broker is customized; an external broker gets the same settings from its admin (docs/security.md).
 *
 * <p>The broker's authentication cache is switched off: it is keyed by user name and password only, so the hub's
 * credential-less in-VM connections and a credential-less network client would share one cached entry, and a
 * revoked key would keep working until the entry expired.
 */
@Component
public class ArtemisSecurity implements ArtemisConfigurationCustomizer {

    /** Every address not listed: the hub only (internal feed topics, delivery queues, DLQ, ExpiryQueue …). */
    static final String EVERYTHING = "#";

    private final FeedTopics topics;

    public ArtemisSecurity(FeedTopics topics) {
        this.topics = topics;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.setSecurityEnabled(true);
        configuration.setAuthenticationCacheSize(0);
        settings().forEach((match, roles) -> {
            Set<Role> granted = new HashSet<>();
            granted.add(hub());
            roles.forEach(r -> granted.add(consumer(r)));
            configuration.putSecurityRoles(match, granted);
        });
        // Consumers may not create addresses: every address they may use exists from the start.
        for (Category c : Category.values()) {
            configuration.addAddressConfiguration(multicast(FeedTopics.internal(c)));
        }
        topics.all().forEach(t -> configuration.addAddressConfiguration(multicast(t.address())));
        configuration.addAddressConfiguration(multicast(Alerts.TOPIC));
    }

    /**
     * Address match → the broker roles that may consume there (besides {@value BrokerRoles#HUB}, which may do
     * everything everywhere and is the only one that may send). The same table is documented for external brokers.
     */
    public Map<String, Set<String>> settings() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put(EVERYTHING, Set.of());
        topics.all().forEach(t -> out.put(t.address(), t.consumers()));
        out.put(Alerts.TOPIC, Set.of(BrokerRoles.of(org.onex.hub.policy.Role.OPERATOR),
                BrokerRoles.of(org.onex.hub.policy.Role.ADMIN)));
        return out;
    }

    private static Role hub() {
        return new Role(BrokerRoles.HUB, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    /** Subscribe (durable or not) and unsubscribe; never send, browse, manage or create addresses. */
    private static Role consumer(String name) {
        return new Role(name, false, true, true, true, true, true, false, false, false, false, false, false);
    }

    private static CoreAddressConfiguration multicast(String address) {
        return new CoreAddressConfiguration().setName(address).addRoutingType(RoutingType.MULTICAST);
    }
}
