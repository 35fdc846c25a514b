package org.onex.hub.store;

/** A department's stuck deliveries (planned long ago, still PENDING or QUEUED): how many, and the oldest. */
public record StuckDeliveries(String department, long count, Delivery oldest) {
}
