package org.onex.hub.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Abuse limits of the API ({@code hub.security.*}): requests per client and period (429 beyond, with
 * Retry-After), and the largest request body outside the push endpoint (413 beyond).
 */
@ConfigurationProperties(prefix = "hub.security")
public record SecurityProperties(RateLimit rateLimit, DataSize maxBodySize) {

    public SecurityProperties {
        rateLimit = rateLimit == null ? new RateLimit(100, Duration.ofSeconds(1)) : rateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    }

    /** {@code requests} per {@code period} and client. */
    public record RateLimit(int requests, Duration period) {

        public RateLimit {
            if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("hub.security.rate-limit needs requests >= 1 and a positive period");
            }
        }
    }
}
