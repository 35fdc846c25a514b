package org.onex.hub.exchange;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An exchange as stored: its state and clocks, and the letter as submitted (materials named by SHA-256).
 *
 * @param receiverWhy  why this unit receives it (the matter table, the sender's choice, public security)
 * @param receivedAt   when the receiver had it (its channel confirmed the delivery, or it confirmed receipt)
 * @param replyDueAt   when the receiver must answer, on the official calendar; null until received
 * @param recordId     the exchange's C7 record, one version per state change
 * @param rowVersion   the number of state changes so far (also the record's current version)
 */
public record Exchange(long id, String number, ExchangeKind kind, ExchangeState state, String sender, String receiver,
        String receiverWhy, String title, boolean urgent, ObjectNode letter, Instant discoveredAt, Instant submittedAt,
        Instant receivedAt, Instant replyDueAt, Instant answeredAt, long recordId, int rowVersion, Instant updatedAt) {

    /** True if {@code unit} is the sender or the receiver. */
    public boolean involves(String unit) {
        return sender.equals(unit) || receiver.equals(unit);
    }
}
