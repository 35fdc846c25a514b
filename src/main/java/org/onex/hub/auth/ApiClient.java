package org.onex.hub.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/**
 * An API client with its keys, as listed to admins.
 *
 * @param department the registry code of the unit a bureau, department or office client acts for (required for a
 *                   department client; for bureau and office a missing code means the registry's only unit of
 *                   that kind, see {@link SharingEnforcer}); always null for operator and admin clients
 * @param enabled    a disabled client is refused whatever its keys
 */
public record ApiClient(String id, Role role, String department, String displayName, boolean enabled,
        Instant createdAt, List<ApiClientKey> keys) {

    /** Lower case, digits, dot and dash: never a key id ({@code kid_…}) nor the CLI's actor {@code cli:<user>}. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<Role> UNIT_ROLES = Set.of(Role.BUREAU, Role.DEPARTMENT, Role.OFFICE);

    /** Refuses a new client's id, role and department with a message for the admin. */
    static void check(String id, Role role, String department) {
        if (id == null || !ID.matcher(id).matches() || id.equals(AuditLog.HUB.id())) {
            throw new IllegalArgumentException("client id '" + id + "' must be 1-64 of a-z 0-9 . - (starting with a"
                    + " letter or digit), and not '" + AuditLog.HUB.id() + "'");
        }
        if (role == null) {
            throw new IllegalArgumentException("client '" + id + "' needs a role");
        }
        if (role == Role.DEPARTMENT && department == null) {
            throw new IllegalArgumentException("department client '" + id + "' needs a department code");
        }
        if (department != null && !UNIT_ROLES.contains(role)) {
            throw new IllegalArgumentException("an " + role + " client acts for no unit (got department '"
                    + department + "')");
        }
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            throw new IllegalArgumentException("department code '" + department + "' is not a-z 0-9 _");
        }
    }

    /** The caller identity requests of this client run as. */
    public Client client() {
        return new Client(id, role, department);
    }
}
