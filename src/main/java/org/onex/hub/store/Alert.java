package org.onex.hub.store;

import java.time.Instant;

/** An alert for operators: what happened ({@code kind}), to which department feed, and its handling. */
public record Alert(long id, String kind, String severity, String department, String feed, String subject,
        String message, String status, int timesSeen, Instant raisedAt, Instant lastSeenAt, Instant acknowledgedAt,
        String acknowledgedBy, String ackComment, String ruleId, String messageEn, Long recordId, Long obligationId) {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
}
