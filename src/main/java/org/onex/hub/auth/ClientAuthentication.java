package org.onex.hub.auth;

import java.util.List;
import java.util.Optional;

import org.onex.hub.policy.Client;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An API client authenticated by its key or certificate: the principal is the {@link Client}, the authority its
 * role. It lives in Spring Security's context, the one place the rate limit, the access rules, the audit of a
 * denial and the API's operations find the caller.
 */
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

    /** The client of the current request, if an API key or certificate authenticated one. */
    public static Optional<Client> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Client client
                ? Optional.of(client) : Optional.empty();
    }
}
