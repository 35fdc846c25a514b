package org.onex.hub.auth;

import java.util.List;

import org.onex.hub.policy.Client;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API client authenticated by its key: the principal is the {@link Client}, the authority its role. */
public final class ClientAuthentication extends AbstractAuthenticationToken {

    private final Client client;

    public ClientAuthentication(Client client) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + client.role().name())));
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Client getPrincipal() {
        return client;
    }
}
