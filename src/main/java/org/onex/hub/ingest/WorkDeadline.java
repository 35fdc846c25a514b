package org.onex.hub.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time by which a unit of work (one REST push) must have committed. The work checks it
 * between its steps and once more just before it commits; past it, the work throws
 * {@link DeadlineExceededException} and its transaction rolls back, so a client is never answered "timed out"
 * for something the hub stores later. Read on the hub's clock, so that a test can move past it without waiting.
 */
public record WorkDeadline(Clock clock, Instant end, Duration budget) {

    private static final WorkDeadline NONE = new WorkDeadline(Clock.systemUTC(), Instant.MAX, null);

    /** No deadline: source routes, replay and files are bounded by their batch size instead. */
    public static WorkDeadline none() {
        return NONE;
    }

    public static WorkDeadline after(Clock clock, Duration budget) {
        return new WorkDeadline(clock, clock.instant().plus(budget), budget);
    }

    public boolean bounded() {
        return budget != null;
    }

    /** What is left, never negative; {@link Duration#ZERO} when passed. */
    public Duration remaining() {
        if (!bounded()) {
            return Duration.ofDays(365);
        }
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Throws when the deadline has passed; {@code step} says where the work was (for the answer and the log). */
    public void check(String step) {
        if (bounded() && !clock.instant().isBefore(end)) {
            throw new DeadlineExceededException(budget, step);
        }
    }
}
