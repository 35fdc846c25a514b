package org.onex.hub.console;

import java.security.Principal;

import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.springframework.security.core.Authentication;

/** The signed-in operator as the acting {@link Client} of an operator action (and its audit entry). */
final class ConsoleActor {

    private ConsoleActor() {
    }

    static Client of(Principal principal) {
        Role role = Role.OPERATOR;
        if (principal instanceof Authentication auth) {
            for (var authority : auth.getAuthorities()) {
                String name = authority.getAuthority();
                if (name.startsWith("ROLE_")) {
                    role = Role.valueOf(name.substring(5));
                }
            }
        }
        return new Client("console:" + principal.getName(), role, null);
    }
}
