package org.onex.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** Values of a delivery item by path, as the inbox and file channels write them. */
final class DeliveryValues {

    private DeliveryValues() {
    }

    /** {@code delivery.key} … or {@code record[.path]}: text, a number, a boolean, JSON text, or null. */
    static Object value(DeliveryItem item, String path) {
        switch (path) {
        case "delivery.key":
            return item.key();
        case "delivery.deliveryId":
            return item.deliveryId();
        case "delivery.recordId":
            return item.recordId();
        case "delivery.version":
            return item.version();
        case "delivery.versionId":
            return item.versionId();
        case "delivery.routeReason":
            return item.routeReason();
        default:
            break;
        }
        if (!path.equals("record") && !path.startsWith("record.")) {
            throw new IllegalArgumentException("unknown delivery value '" + path + "'");
        }
        JsonNode node = path.equals("record") ? item.record()
                : item.record().at("/" + path.substring("record.".length()).replace('.', '/'));
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
