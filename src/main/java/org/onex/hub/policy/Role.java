package org.onex.hub.policy;

/**
 * The roles: the bureau ("1"), a department ("X": provider of its categories, consumer of
 * its own C3 and of C1), the leadership-group office (assessment, R-ASSESS), an operator (console, replay)
 * and an admin (configuration).
 */
public enum Role {
    BUREAU, DEPARTMENT, OFFICE, OPERATOR, ADMIN
}
