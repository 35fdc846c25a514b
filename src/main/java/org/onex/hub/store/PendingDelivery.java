package org.onex.hub.store;

/** A delivery waiting in the outbox, with the envelope (JSON) of the decision version it carries. */
public record PendingDelivery(Delivery delivery, long versionId, String envelope) {
}
