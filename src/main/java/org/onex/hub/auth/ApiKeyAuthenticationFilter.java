package org.onex.hub.auth;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.web.ApiProblems;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests by {@code Authorization: Bearer <key>}: a client key of the key store
 *, or a department's push key of {@code hub.push.keys}, which stands for that
 * department. Without a key, a TLS client certificate the connection presented (the hub serving TLS
 * with {@code server.ssl.client-auth=want}, which checks it against the trust store) authenticates the
 * client it is mapped to ({@link ApiClients#mapCertificate}). A key or certificate that is presented but
 * unknown, expired or revoked is refused at once (401); a request with neither goes on anonymous, and
 * the API's rules answer it with 401.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiClients clients;
    private final PushKeys pushKeys;

    public ApiKeyAuthenticationFilter(ApiClients clients, PushKeys pushKeys) {
        this.clients = clients;
        this.pushKeys = pushKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            X509Certificate certificate = certificate(request);
            if (certificate != null) {
                Optional<Client> client = clients.authenticateCertificate(certificate);
                if (client.isEmpty()) {
                    ApiProblems.write(response, 401, "Unauthorized", "the client certificate "
                            + certificate.getSubjectX500Principal().getName() + " (SHA-256 "
                            + ApiClients.fingerprint(certificate) + ") is not mapped to a client, or its mapping was"
                            + " revoked or has expired");
                    return;
                }
                authenticated(client.get());
            }
            chain.doFilter(request, response);
            return;
        }
        String key = header.substring(7).trim();
        Optional<Client> client = clients.authenticate(key)
                .or(() -> pushKeys.departmentOf(key).map(d -> new Client("push-key:" + d, Role.DEPARTMENT, d)));
        if (client.isEmpty()) {
            ApiProblems.write(response, 401, "Unauthorized", "the API key is not valid: unknown, expired or revoked");
            return;
        }
        authenticated(client.get());
        chain.doFilter(request, response);
    }

    /** The client goes into Spring Security's context, where {@link ClientAuthentication#current} finds it. */
    private static void authenticated(Client client) {
        SecurityContextHolder.getContext().setAuthentication(new ClientAuthentication(client));
    }

    /** The client's own certificate (the first of the chain) the TLS connection presented, if any. */
    private static X509Certificate certificate(HttpServletRequest request) {
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certificates && certificates.length > 0 ? certificates[0] : null;
    }
}
