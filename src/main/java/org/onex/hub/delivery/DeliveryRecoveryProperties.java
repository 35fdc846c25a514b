package org.onex.hub.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.delivery.*} settings of the delivery sweep: a delivery planned more than
 * {@code stuckAfter} ago and still PENDING or QUEUED is stuck (alert {@code DELIVERY_STUCK}, console, API); a
 * QUEUED delivery no consumer has touched for {@code redispatchAfter} and whose message is not on its queue is
 * put back in the outbox; the sweep runs every {@code sweepPeriod} and once shortly after start.
 * {@code redispatchAfter} must be longer than the longest wait between two attempts of a channel
 * ({@code maxRetryDelay}, 5 minutes by default), or a department that is down gets extra (harmless) copies.
 */
@ConfigurationProperties(prefix = "hub.delivery")
public record DeliveryRecoveryProperties(Duration stuckAfter, Duration redispatchAfter, Duration sweepPeriod) {

    public DeliveryRecoveryProperties {
        stuckAfter = positive(stuckAfter, Duration.ofMinutes(15), "stuck-after");
        redispatchAfter = positive(redispatchAfter, Duration.ofMinutes(10), "redispatch-after");
        sweepPeriod = positive(sweepPeriod, Duration.ofSeconds(60), "sweep-period");
    }

    /** The stuck threshold as an operator writes it: 15m, 2h, 90s, or in Chinese units when {@code zh}. */
    public String stuckAfterText(boolean zh) {
        return zh ? text(stuckAfter, " 小时", " 分钟", " 秒") : text(stuckAfter, "h", "m", "s");
    }

    static String text(Duration d, String hours, String minutes, String seconds) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + "ms";
        }
        return s % 3600 == 0 ? s / 3600 + hours : s % 60 == 0 ? s / 60 + minutes : s + seconds;
    }

    private static Duration positive(Duration value, Duration otherwise, String key) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hub.delivery." + key + " must be positive, found " + value);
        }
        return value;
    }
}
