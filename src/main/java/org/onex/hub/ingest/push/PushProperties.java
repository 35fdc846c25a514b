package org.onex.hub.ingest.push;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.push.*}: REST push settings. {@code keys} maps a department code to the SHA-256 (hex) of
 * its push key; the key itself is given to the department and never stored. {@code maxBodySize}
 * bounds one request (413 above it).
 */
@ConfigurationProperties(prefix = "hub.push")
public record PushProperties(Map<String, String> keys, DataSize maxBodySize) {

    public PushProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(10) : maxBodySize;
    }
}
