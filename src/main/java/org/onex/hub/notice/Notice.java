package org.onex.hub.notice;

import java.time.Instant;

/**
 * A copy notice as issued: to which unit, for which delivery of which record version, its short code (printed on
 * the receipt slip) and its receipt, once the unit's liaison confirmed it.
 */
public record Notice(long id, String number, long deliveryId, String deliveryKey, String department, long recordId,
        int version, String documentNumber, String title, String shortCode, Instant issuedAt, Instant receiptedAt,
        String receiptedBy, String receiptScan) {

    /** The notice's own number, printed on it: CG-<year>-<id>. */
    static String number(long id, Instant issuedAt) {
        return "CG-" + issuedAt.atZone(org.onex.hub.schema.HubDates.ZONE).getYear() + "-" + String.format("%06d", id);
    }
}
