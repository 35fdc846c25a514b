package org.onex.hub.auth;

import java.time.Instant;

/**
 * A key just issued: the only moment the key itself exists outside the client (the hub keeps its SHA-256).
 * Show it once to whoever gives it to the client; {@link #toString()} leaves it out so it never lands in a log
 * by accident.
 *
 * @param previousValidUntil after a rotation, when the client's older keys stop working (null after an issue)
 */
public record ApiClientSecret(String clientId, String keyId, String key, Instant previousValidUntil) {

    @Override
    public String toString() {
        return "ApiClientSecret[clientId=" + clientId + ", keyId=" + keyId + ", key=(hidden), previousValidUntil="
                + previousValidUntil + "]";
    }
}
