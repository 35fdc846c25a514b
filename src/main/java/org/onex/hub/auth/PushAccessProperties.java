package org.onex.hub.auth;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The part of {@code hub.push.*} that admits a push: {@code keys} maps a department code to the SHA-256 (hex) of its
 * push key (the key itself is given to the department and never stored), and {@code maxBodySize} is the largest body
 * the API's request filter reads for a push before it answers 413. The limits on the work of a push are bound by the
 * ingest side from the same prefix.
 */
@ConfigurationProperties(prefix = "hub.push")
public record PushAccessProperties(Map<String, String> keys, DataSize maxBodySize) {

    /** The default of {@code hub.push.max-body-size}, for both sides that read it. */
    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(10);

    public PushAccessProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
    }
}
