package org.onex.hub.auth;

import java.time.Instant;

/**
 * A credential of an API client as the hub keeps it: its public id and lifetimes, never the key (only its
 * SHA-256 is stored, in {@code hub_client_key.key_hash}, and never leaves {@link ApiClients}). Either an API
 * key or a TLS client certificate mapped to the client (by its SHA-256 fingerprint).
 *
 * @param notAfter  end of a rotation's overlap or of a certificate's validity, after which it is refused
 *                  (null: no end)
 * @param revokedAt when it was revoked (refused from then on), null when not
 * @param kind      {@link #KEY} or {@link #CERTIFICATE}
 * @param label     a certificate's subject; null for a key
 */
public record ApiClientKey(String keyId, String clientId, Instant createdAt, Instant notAfter, Instant revokedAt,
        String kind, String label) {

    /** An API key, presented as {@code Authorization: Bearer}. */
    public static final String KEY = "KEY";
    /** A TLS client certificate, presented in the TLS handshake. */
    public static final String CERTIFICATE = "CERT";

    /** What a key is at an instant. */
    public enum Status {
        /** valid with no end */
        ACTIVE,
        /** valid until {@code notAfter} (an older key inside a rotation's overlap) */
        EXPIRING,
        EXPIRED,
        REVOKED
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (notAfter == null) {
            return Status.ACTIVE;
        }
        return now.isBefore(notAfter) ? Status.EXPIRING : Status.EXPIRED;
    }

    /** True when a request presenting this key at {@code now} is accepted (for an enabled client). */
    public boolean validAt(Instant now) {
        Status s = status(now);
        return s == Status.ACTIVE || s == Status.EXPIRING;
    }
}
