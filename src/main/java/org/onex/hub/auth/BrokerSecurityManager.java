package org.onex.hub.auth;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.SharingEnforcer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may use the embedded Artemis broker: installed by {@link BrokerSecurityInstaller}.
 *
 * <ul>
 * <li>A connection over the in-VM transport is the hub itself (Spring's and Camel's JMS connection factory): it
 * is let in without credentials with the role {@value BrokerRoles#HUB}. Only the in-VM transport: a network
 * client without credentials is refused, whatever it sends. On a standalone broker ({@code onex-hub.jar broker})
 * the hub nodes log in over the network as {@value BrokerRoles#HUB} with {@link BrokerHubLogin}'s secret.</li>
 * <li>A network client (CORE or AMQP over the acceptor) logs in with its API client id as user name and an API
 * key of that client as password ({@link ApiClients#authenticate}); it gets the roles of {@link BrokerRoles}.
 * Nothing is cached (the broker's authentication cache is off, see {@code feed.ArtemisSecurity}), so a revoked
 * key or disabled client is refused at its next connection or session.</li>
 * <li>What a role may do on an address is the broker's security settings; refused logins and refused
 * operations are written to the audit log ({@link AuditAction#LOGIN_FAILED}, {@link AuditAction#POLICY_DENIED}).</li>
 * <li>After {@code hub.security.broker-login.failures} failed logins from one host within {@code .period}, its
 * logins are refused until the period has passed ({@link LoginThrottle}, audited once as
 * {@link AuditAction#LOGIN_THROTTLED}).</li>
 * </ul>
 *
 * <p>The beans it calls are looked up when a network client first connects, not when the broker is built: the
 * broker starts before most of the hub.
 */
@Component
public class BrokerSecurityManager implements ActiveMQSecurityManager5 {

    /** The audit target of broker logins. */
    static final String TARGET = "artemis";
    /** The audit client id of a login without user name (a colon: never a client id). */
    static final String ANONYMOUS = "artemis:anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurityManager.class);
    /** The hub's own in-VM connections (read-only, so one instance serves them all). */
    private static final Subject HUB = subject(BrokerRoles.HUB, Set.of(BrokerRoles.HUB));

    private final ObjectProvider<ApiClients> clients;
    private final ObjectProvider<SharingEnforcer> enforcer;
    private final ObjectProvider<AuditLog> audit;
    private final ObjectProvider<SecurityProperties> properties;
    private final ObjectProvider<BrokerHubLogin> hubLogin;
    private volatile LoginThrottle throttle;

    public BrokerSecurityManager(ObjectProvider<ApiClients> clients, ObjectProvider<SharingEnforcer> enforcer,
            ObjectProvider<AuditLog> audit, ObjectProvider<SecurityProperties> properties,
            ObjectProvider<BrokerHubLogin> hubLogin) {
        this.clients = clients;
        this.hubLogin = hubLogin;
        this.enforcer = enforcer;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * The subject of a connection, or null (refused). Called for every session, and again for every authorization
     * the broker has not cached (the authentication cache is off), so it reads nothing for the hub's own
     * connections.
     */
    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return HUB;
        }
        String host = LoginThrottle.host(connection == null ? null : connection.getRemoteAddress());
        if (throttle().blocked(host)) {
            LOG.debug("broker login of '{}' from {} refused: too many failed logins from there", user, host);
            return null;
        }
        if (hubLogin.getObject().matches(user, password)) {
            return HUB; // a hub node on a standalone broker (BrokerHubLogin)
        }
        Optional<Client> client = user == null || password == null ? Optional.empty()
                : clients.getObject().authenticate(password).filter(c -> c.id().equals(user));
        if (client.isEmpty()) {
            audit(user, AuditAction.LOGIN_FAILED, TARGET, remote(connection));
            if (throttle().failed(host)) {
                SecurityProperties.BrokerLogin limit = properties.getObject().brokerLogin();
                LOG.warn("broker logins from {} refused for up to {}: {} failed logins", host, limit.period(),
                        limit.failures());
                Map<String, Object> detail = remote(connection);
                detail.put("failures", limit.failures());
                detail.put("period", limit.period().toString());
                audit(user, AuditAction.LOGIN_THROTTLED, TARGET, detail);
            }
            return null;
        }
        Set<String> roles = BrokerRoles.of(client.get(), enforcer.getObject());
        return subject(user, roles);
    }

    @Override
    public boolean authorize(Subject subject, Set<org.apache.activemq.artemis.core.security.Role> roles,
            CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        Set<String> held = new HashSet<>();
        subject.getPrincipals(RolePrincipal.class).forEach(p -> held.add(p.getName()));
        for (org.apache.activemq.artemis.core.security.Role r : roles) {
            if (checkType.hasRole(r) && held.contains(r.getName())) {
                return true;
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("operation", checkType.name());
        detail.put("roles", new TreeSet<>(held));
        audit(getUserFromSubject(subject), AuditAction.POLICY_DENIED, TARGET + ":" + bare(address), detail);
        return false;
    }

    private LoginThrottle throttle() {
        LoginThrottle t = throttle;
        if (t == null) {
            synchronized (this) {
                if (throttle == null) {
                    SecurityProperties.BrokerLogin limit = properties.getObject().brokerLogin();
                    throttle = new LoginThrottle(limit.failures(), limit.period());
                }
                t = throttle;
            }
        }
        return t;
    }

    /** Not used: the broker calls {@link #authenticate} of this interface version, which knows the connection. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    /** Not used: the broker calls {@link #authorize} of this interface version. */
    @Override
    public boolean validateUserAndRole(String user, String password,
            Set<org.apache.activemq.artemis.core.security.Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(String user, Set<String> roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        roles.forEach(r -> subject.getPrincipals().add(new RolePrincipal(r)));
        subject.setReadOnly();
        return subject;
    }

    /** An address without the {@code ::queue} part of a fully qualified queue name. */
    private static String bare(String address) {
        int at = address == null ? -1 : address.indexOf("::");
        return at < 0 ? address : address.substring(0, at);
    }

    private static Map<String, Object> remote(RemotingConnection connection) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("remoteAddress", connection == null ? null : connection.getRemoteAddress());
        detail.put("protocol", connection == null ? null : connection.getProtocolName());
        return detail;
    }

    /** Audits a refusal; a failing audit log is logged, never turns a refusal into a grant. */
    private void audit(String user, String action, String target, Map<String, Object> detail) {
        String who = user == null || user.isBlank() ? ANONYMOUS : user;
        try {
            audit.getObject().record(who, null, action, target, detail);
        } catch (RuntimeException e) {
            LOG.error("cannot audit {} of '{}' on {}: {}", action, who, target, e.toString());
        }
    }
}
