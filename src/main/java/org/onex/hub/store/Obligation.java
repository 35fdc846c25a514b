package org.onex.hub.store;

import java.time.Instant;

/**
 * One obligation of the policy for one record and party: due time, completion, lateness in
 * working days and hours, and the attribution of a delay.
 */
public record Obligation(long id, String ruleId, long recordId, String party, String responsible, String sourceKey,
        boolean urgent, Instant eventAt, Instant dueAt, Instant completedAt, String status, Integer lateWorkingDays,
        Long lateHours, String attribution, String attributionNote, Instant createdAt, Instant extendedAt) {

    public static final String OPEN = "OPEN";
    public static final String OVERDUE = "OVERDUE";
    public static final String MET = "MET";
    public static final String LATE = "LATE";
}
