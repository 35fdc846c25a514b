package org.onex.hub.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * How late something was done, from {@link Periods#lateness}.
 *
 * @param overdue     time from the due instant to the act; zero when on time
 * @param workingDays working days begun after the due day up to and including the day of the act
 *                    (see {@link Periods#lateness}); zero when on time
 */
public record Lateness(Duration overdue, int workingDays) {

    /** Done by the due instant. */
    public static final Lateness ON_TIME = new Lateness(Duration.ZERO, 0);

    public Lateness {
        Objects.requireNonNull(overdue, "overdue");
        if (overdue.isNegative() || workingDays < 0) {
            throw new IllegalArgumentException("lateness cannot be negative: " + overdue + ", " + workingDays);
        }
    }

    /** Whether the act came after the due instant. */
    public boolean isLate() {
        return !overdue.isZero();
    }

    /** Hours late, every begun hour counted: 10 minutes late is 1 hour late. */
    public long hours() {
        long whole = overdue.toHours();
        return overdue.equals(Duration.ofHours(whole)) ? whole : whole + 1;
    }
}
