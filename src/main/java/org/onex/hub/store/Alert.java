package org.onex.hub.store;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An alert for operators: what happened ({@code kind}), to which department feed, and its handling.
 * {@code textCode} and {@code textArgs} (null and empty for alerts without them) are the message as a code and
 * typed arguments that the console renders in its language; the API answers {@code message} and
 * {@code messageEn} as before.
 */
public record Alert(long id, String kind, String severity, String department, String feed, String subject,
        String message, String status, int timesSeen, Instant raisedAt, Instant lastSeenAt, Instant acknowledgedAt,
        String acknowledgedBy, String ackComment, String ruleId, String messageEn, Long recordId, Long obligationId,
        @JsonIgnore String textCode, @JsonIgnore List<String> textArgs) {

    public Alert {
        textArgs = textArgs == null ? List.of() : List.copyOf(textArgs);
    }

    /** As before the message code: no code, no arguments. */
    public Alert(long id, String kind, String severity, String department, String feed, String subject,
            String message, String status, int timesSeen, Instant raisedAt, Instant lastSeenAt,
            Instant acknowledgedAt, String acknowledgedBy, String ackComment, String ruleId, String messageEn,
            Long recordId, Long obligationId) {
        this(id, kind, severity, department, feed, subject, message, status, timesSeen, raisedAt, lastSeenAt,
                acknowledgedAt, acknowledgedBy, ackComment, ruleId, messageEn, recordId, obligationId, null, null);
    }

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
}
