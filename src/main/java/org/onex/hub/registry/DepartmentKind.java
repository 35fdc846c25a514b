package org.onex.hub.registry;

/** The role a unit plays in the 1+X collaboration (POLICY.md "Who takes part"). */
public enum DepartmentKind {
    /** The county comprehensive administrative law enforcement bureau, the "1"; exactly one. */
    BUREAU,
    /** A business-competent department (业务主管部门), one of the "X". */
    DEPARTMENT,
    /** The leadership-group office hosted by the bureau; coordinates and assesses (R-ASSESS). */
    OFFICE,
    /**
     * The Justice Bureau (司法局): not a data provider, but the party that decides a case-jurisdiction dispute
     * between the bureau and a department (R-TRANSFER-BOUNDARY); at most one.
     */
    JUSTICE
}
