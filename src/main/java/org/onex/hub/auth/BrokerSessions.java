package org.onex.hub.auth;

import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Revocation on open broker connections ("revocation takes effect immediately"). The broker
 * checks a key when a connection or session is opened ({@link BrokerSecurityManager}); a consumer that stays
 * connected would keep receiving after its key was revoked, its client disabled or a rotation's overlap ended.
 * The route {@code broker-key-check} calls {@link #closeRevoked} every {@code hub.artemis.key-check-period}: each
 * network session's credentials are checked again and the connections whose key no longer authenticates are
 * closed; a hub node's connection ({@link BrokerHubLogin}) stays while its secret is still the one configured.
 * Only a broker in this JVM (the embedded one, or the standalone broker of {@code onex-hub.jar broker}); nothing
 * happens with an external one (its admin revokes JAAS users there).
 */
@Component
public class BrokerSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSessions.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final ApiClients clients;
    private final BrokerHubLogin hubLogin;

    public BrokerSessions(ObjectProvider<EmbeddedActiveMQ> broker, ApiClients clients, BrokerHubLogin hubLogin) {
        this.broker = broker;
        this.clients = clients;
        this.hubLogin = hubLogin;
    }

    /** Closes the network connections whose key is no longer valid; returns how many were closed. */
    public int closeRevoked() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return 0;
        }
        Map<String, Boolean> valid = new HashMap<>(); // one look-up per key and run
        Map<Object, String> revoked = new HashMap<>();
        for (ServerSession s : server.getSessions()) {
            RemotingConnection c = s.getRemotingConnection();
            if (c == null || c.getTransportConnection() instanceof InVMConnection) {
                continue;
            }
            String user = s.getUsername();
            String key = s.getPassword();
            boolean ok = hubLogin.matches(user, key)
                    || user != null && key != null && valid.computeIfAbsent(user + '\n' + key,
                    k -> clients.authenticate(key).filter(client -> client.id().equals(user)).isPresent());
            if (!ok) {
                revoked.put(c.getID(), user);
            }
        }
        int closed = 0;
        for (Map.Entry<Object, String> e : revoked.entrySet()) {
            RemotingConnection c = server.getRemotingService().removeConnection(e.getKey());
            if (c != null) {
                LOG.info("broker connection of client '{}' from {} closed: its key is no longer valid", e.getValue(),
                        c.getRemoteAddress());
                c.fail(new ActiveMQSecurityException("the API key of '" + e.getValue() + "' is no longer valid"));
                closed++;
            }
        }
        return closed;
    }
}
