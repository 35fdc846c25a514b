package org.onex.hub.policy;

/**
 * Who is calling the hub: an API client (or a console user) with its role and, for department clients,
 * the department code (null for roles that are not a department).
 */
public record Client(String id, Role role, String department) {
}
