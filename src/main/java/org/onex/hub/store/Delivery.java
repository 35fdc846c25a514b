package org.onex.hub.store;

import java.time.Instant;

/** One decision version on its way to one department (R-PENALTY-FEEDBACK). */
public record Delivery(long id, long recordId, int version, String department, String routeReason,
        Instant decidedAt, String status, int attempts, String lastError, String channel, Instant createdAt,
        Instant queuedAt, Instant lastAttemptAt, Instant deliveredAt, Instant acknowledgedAt, String acknowledgedBy,
        String resolution) {

    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";
    public static final String DISCARDED = "DISCARDED";

    /**
     * Stuck: still PENDING or QUEUED although it was planned before {@code plannedBefore} (now minus
     * {@code hub.delivery.stuck-after}); the same rule as {@link DeliveryStore#stuck}.
     */
    public boolean isStuck(Instant plannedBefore) {
        return (PENDING.equals(status) || QUEUED.equals(status)) && createdAt.isBefore(plannedBefore);
    }

    /**
     * The idempotency key the department sees in every channel (inbox key column, file content, the
     * {@code Idempotency-Key} header): the same decision version to the same department always has it.
     */
    public String key() {
        return key(recordId, version, department);
    }

    public static String key(long recordId, int version, String department) {
        return recordId + "-v" + version + "-" + department;
    }
}
