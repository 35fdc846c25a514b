package org.onex.hub.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Abuse limits ({@code hub.security.*}): API requests per client and period (429 beyond, with Retry-After), the
 * largest request body outside the push endpoint (413 beyond), and failed broker logins per host and period
 * (logins from the host refused beyond, {@link LoginThrottle}).
 */
@ConfigurationProperties(prefix = "hub.security")
public record SecurityProperties(RateLimit rateLimit, DataSize maxBodySize, BrokerLogin brokerLogin) {

    public SecurityProperties {
        rateLimit = rateLimit == null ? new RateLimit(100, Duration.ofSeconds(1)) : rateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        brokerLogin = brokerLogin == null ? new BrokerLogin(20, Duration.ofMinutes(1)) : brokerLogin;
    }

    /** {@code failures} failed broker logins per {@code period} and remote host. */
    public record BrokerLogin(int failures, Duration period) {
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
