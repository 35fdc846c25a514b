package org.onex.hub.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decision version as a department receives it: the delivery's id and idempotency key, and the
 * record envelope (schema v1) with its store identity filled in.
 */
public record DeliveryItem(long deliveryId, String key, long recordId, int version, long versionId,
        String routeReason, ObjectNode record) {
}
