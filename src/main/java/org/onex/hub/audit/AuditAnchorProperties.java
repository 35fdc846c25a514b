package org.onex.hub.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.audit.anchor.*}: where and how often the audit chain's head is anchored outside the store
 * (item 7, {@link AuditAnchoring}).
 *
 * @param period  {@code hub.audit.anchor.period}: time between anchors (one is written only when the head moved),
 *                default 5m. Entries written after the last anchor can be removed undetected: this bounds them.
 * @param file    {@code hub.audit.anchor.file}: the append-only anchor file, default
 *                {@code ${hub.data-dir}/audit-anchors.log}
 * @param key     {@code hub.audit.anchor.key}: the HMAC key (at least 16 characters; from the environment,
 *                {@code HUB_AUDIT_ANCHOR_KEY}); empty: the key file
 * @param keyFile {@code hub.audit.anchor.key-file}: default {@code ${hub.data-dir}/audit-anchor.key}, created with a
 *                random key when missing
 */
@ConfigurationProperties(prefix = "hub.audit.anchor")
public record AuditAnchorProperties(
        @DefaultValue("5m") Duration period,
        @DefaultValue("") String file,
        @DefaultValue("") String key,
        @DefaultValue("") String keyFile) {

    public AuditAnchorProperties {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("hub.audit.anchor.period must be positive, is " + period);
        }
    }
}
