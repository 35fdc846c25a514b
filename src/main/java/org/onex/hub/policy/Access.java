package org.onex.hub.policy;

/**
 * How much of one category of R-CATEGORIES a client receives under the sharing policy (共享目录).
 * Default deny: {@link #NONE} unless the policy and the department registry both grant more.
 */
public enum Access {
    /** Nothing of the category. */
    NONE,
    /**
     * Only records concerning the client's own unit: "penalty results go back only to the department
     * concerned" (R-PENALTY-FEEDBACK). The caller names the concerned unit (for C3 the delivery's
     * department), because a record alone does not say it.
     */
    OWN,
    /** Every record of the category. */
    ALL
}
