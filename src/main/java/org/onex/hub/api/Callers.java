package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.onex.hub.auth.ApiKeyAuthenticationFilter;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/**
 * The API client of a request, as the security filter authenticated it. The API's routes run on Camel's
 * threads, not the servlet's, so the client travels as a request attribute rather than in Spring
 * Security's thread-bound context.
 */
final class Callers {

    private Callers() {
    }

    static Client of(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(ApiKeyAuthenticationFilter.CLIENT) instanceof Client client) {
            return client;
        }
        throw new ApiException(401, null, "an API key is required: Authorization: Bearer <key>");
    }

    /**
     * The department a client is confined to (object-level authorization: a department, or the bureau
     * for its own rows, sees only its own pushes, files, quarantine rows and deliveries), or null for
     * roles that see every department's (operator, admin, office).
     */
    static String confinedTo(Client client) {
        return client.role() == Role.DEPARTMENT || client.role() == Role.BUREAU ? client.department() : null;
    }

    /**
     * The department filter of a list request for this client: its own department whatever it asked
     * for; asking for another department's rows is refused (403) rather than silently narrowed.
     */
    static String department(Client client, String asked) {
        String own = confinedTo(client);
        if (own == null) {
            return asked;
        }
        if (asked != null && !asked.equals(own)) {
            throw new ApiException(403, "department", "client " + client.id() + " sees only department " + own
                    + "'s rows, not " + asked + "'s");
        }
        return own;
    }

    /**
     * As {@link #department} for a department client; the other roles (the bureau, whose decisions the
     * deliveries are, the office, operators, admins) may ask for any department's rows.
     */
    static String departmentIfConfined(Client client, String asked) {
        return client.role() == Role.DEPARTMENT ? department(client, asked) : asked;
    }
}
