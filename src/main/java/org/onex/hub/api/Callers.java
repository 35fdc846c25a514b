package org.onex.hub.api;

import java.util.Optional;

import org.onex.hub.auth.ClientAuthentication;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/**
 * The API client of the current request, as the security filter chain authenticated it (by key or client
 * certificate): the principal of Spring Security's context, the one authentication path of API and console.
 */
final class Callers {

    private Callers() {
    }

    /** The calling client; 401 if the request is anonymous (the security rules let only open paths through). */
    static Client current() {
        return optional().orElseThrow(() -> new ApiException(401, null,
                "an API key is required: Authorization: Bearer <key>"));
    }

    static Optional<Client> optional() {
        return ClientAuthentication.current();
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
