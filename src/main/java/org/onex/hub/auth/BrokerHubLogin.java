package org.onex.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The login of hub nodes on a broker of their own ({@code java -jar onex-hub.jar broker}, issue 16): a hub node
 * that is not in the broker's JVM cannot come in over the in-VM transport, so it logs in over the network as
 * {@value BrokerRoles#HUB} ({@code spring.artemis.user}) with the shared secret {@code hub.artemis.hub-password}
 * ({@code HUB_ARTEMIS_PASSWORD} in the production profile, the same variable on the hub nodes and the broker).
 * Blank (the embedded default): no network login is the hub, only the in-VM transport is. No API client may be
 * called {@code hub}, so the name cannot be taken by a client.
 */
@Component
public class BrokerHubLogin {

    /** The property holding the hub nodes' broker password. */
    public static final String PASSWORD = "hub.artemis.hub-password";

    private final byte[] password;

    public BrokerHubLogin(Environment env) {
        this.password = env.getProperty(PASSWORD, "").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether these credentials are a hub node's (constant time in the password). */
    public boolean matches(String user, String presented) {
        if (password.length == 0 || !BrokerRoles.HUB.equals(user) || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(password, presented.getBytes(StandardCharsets.UTF_8));
    }
}
