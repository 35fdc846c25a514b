package org.onex.hub.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.audit.*}: how long audit entries are kept and how often the purge runs.
 *
 * <p>The Cybersecurity Law (网络安全法, art. 21) requires network logs to be kept for no less than six months.
 * Six calendar months are up to 184 days (e.g. 1 March to 1 September), so 184 days is both the default and the
 * least accepted: 180 days would drop entries of some months before they are six months old. A shorter value
 * stops the start with a message saying so.
 *
 * @param retention   {@code hub.audit.retention}: entries older than this are purged, default 184d
 * @param purgePeriod {@code hub.audit.purge-period}: time between purges, default 24h
 * @param purgeDelay  {@code hub.audit.purge-delay}: first purge after start-up, default 5m
 * @param brokerReadPeriod {@code hub.audit.broker-read-period}: how often the progress of open broker consumers is
 *                    written to the store ({@link BrokerReadProgress}), default 10s: a crash loses at most this much
 *                    of the broker feed reads' audit
 */
@ConfigurationProperties(prefix = "hub.audit")
public record AuditProperties(
        @DefaultValue("184d") Duration retention,
        @DefaultValue("24h") Duration purgePeriod,
        @DefaultValue("5m") Duration purgeDelay,
        @DefaultValue("10s") Duration brokerReadPeriod) {

    /** The least retention accepted: six calendar months at their longest. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(184);

    public AuditProperties {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("hub.audit.retention is " + describe(retention) + ", but the"
                    + " Cybersecurity Law (art. 21) requires network logs to be kept at least six months: set it to "
                    + MINIMUM_RETENTION.toDays() + "d or more (six calendar months are up to 184 days)");
        }
        if (purgePeriod.isNegative() || purgePeriod.isZero()) {
            throw new IllegalArgumentException("hub.audit.purge-period must be positive, is " + purgePeriod);
        }
        if (brokerReadPeriod.isNegative() || brokerReadPeriod.isZero()) {
            throw new IllegalArgumentException("hub.audit.broker-read-period must be positive, is " + brokerReadPeriod);
        }
    }

    private static String describe(Duration d) {
        return d.toHours() % 24 == 0 && d.toSeconds() % 3600 == 0 ? d.toDays() + "d" : d.toString();
    }
}
