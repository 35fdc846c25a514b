package org.onex.hub.auth;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.policy.SharingPolicy;

/**
 * The Artemis role names of the hub's clients ("Artemis users and roles for JMS consumers"). The
 * broker's security settings grant addresses to these names; the same names are used by the embedded broker's
 * {@link BrokerSecurityManager} and by the JAAS role files of an external broker (docs/security.md).
 *
 * <ul>
 * <li>{@value #HUB}: the hub itself (its in-VM connections): sends everywhere, the only consumer of its internal
 * addresses;</li>
 * <li>the client's role as written in the sharing policy: {@code bureau}, {@code department}, {@code office},
 * {@code operator}, {@code admin};</li>
 * <li>for a client acting for a unit, {@code <role>:<unit code>}, e.g. {@code department:scjgj}: the per-unit
 * topics of categories the policy grants only {@code own} of (R-PENALTY-FEEDBACK).</li>
 * </ul>
 */
public final class BrokerRoles {

    /** The hub's own connections; never given to an API client (no client may be called {@code hub}). */
    public static final String HUB = "hub";

    private BrokerRoles() {
    }

    /** {@code bureau}, {@code department} …: the policy file's name of the role. */
    public static String of(Role role) {
        return SharingPolicy.key(role);
    }

    /** {@code department:scjgj}: a client of {@code role} acting for the unit {@code code}. */
    public static String ofUnit(Role role, String code) {
        return of(role) + ":" + code;
    }

    /**
     * The roles of an authenticated client. A client whose role acts for a unit but whose unit does not resolve in
     * the registry gets no role at all (a mis-mapped key must not widen access, as in {@link SharingEnforcer}).
     */
    public static Set<String> of(Client client, SharingEnforcer enforcer) {
        Set<String> roles = new LinkedHashSet<>();
        if (client == null || client.role() == null) {
            return roles;
        }
        if (SharingPolicy.unitKind(client.role()).isPresent()) {
            Optional<String> unit = enforcer.unitOf(client);
            if (unit.isEmpty()) {
                return roles;
            }
            roles.add(of(client.role()));
            roles.add(ofUnit(client.role(), unit.get()));
            return roles;
        }
        roles.add(of(client.role()));
        return roles;
    }
}
