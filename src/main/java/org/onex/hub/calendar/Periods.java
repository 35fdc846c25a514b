package org.onex.hub.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The counting rules of POLICY.md "Counting periods": given the instant of the triggering event
 * and a period, the instant the period ends. Stateless and thread-safe.
 * <ul>
 * <li>The event's day is not counted: a period in days starts on the next day.</li>
 * <li>A period in days ends at 24:00 Asia/Shanghai of its last day, returned as 00:00 of the
 * following day. Something done at or before that instant is on time.</li>
 * <li>A period in hours runs from the event itself, calendar or not.</li>
 * <li>A period in calendar days whose last day is a rest day ends on the next working day.</li>
 * </ul>
 * Used by R-APPROVAL-NOTICE and R-PENALTY-FEEDBACK (10 working days), R-ASSIST-REPLY (5 working
 * days), R-TRANSFER-DEADLINE (3 working days, 24 hours when urgent), and "immediately" in an
 * urgent R-APPROVAL-NOTICE and in R-JOINT-EMERGENCY.
 *
 * <p>Every method that needs the calendar throws {@link CalendarYearMissingException} when the
 * count reaches a year without data.
 */
public final class Periods {

    /**
     * The default for "immediately" (立即). The source document (武政发〔2021〕15号) sets no number;
     * the hub makes it a short configurable period, {@code hub.calendar.immediately}.
     */
    public static final Duration DEFAULT_IMMEDIATELY = Duration.ofHours(2);

    private final WorkingCalendar calendar;
    private final Duration immediately;

    /** Counting on {@code calendar}, with "immediately" = {@link #DEFAULT_IMMEDIATELY}. */
    public Periods(WorkingCalendar calendar) {
        this(calendar, DEFAULT_IMMEDIATELY);
    }

    /**
     * @param immediately what "immediately" allows, a positive duration; the source document sets
     *                    no number, so this is the hub's (configurable) reading of it
     */
    public Periods(WorkingCalendar calendar, Duration immediately) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (immediately == null || immediately.isNegative() || immediately.isZero()) {
            throw new IllegalArgumentException("'immediately' must be a positive duration, not " + immediately);
        }
        this.immediately = immediately;
    }

    /**
     * Due at 24:00 of the {@code n}-th working day after the event's day. An event on a rest day
     * counts from the first working day after it (which is working day 1).
     *
     * @param n at least 1, e.g. 10 for R-APPROVAL-NOTICE
     */
    public Instant workingDays(Instant event, int n) {
        requirePositive(n, "working days");
        return endOf(calendar.addWorkingDays(WorkingCalendar.dayOf(event), n));
    }

    /**
     * Due at 24:00 of the event's day + {@code n} calendar days, or, if that day is a rest day, of
     * the first working day after it.
     *
     * @param n at least 1
     */
    public Instant calendarDays(Instant event, int n) {
        requirePositive(n, "calendar days");
        return endOf(calendar.workingDayOnOrAfter(WorkingCalendar.dayOf(event).plusDays(n)));
    }

    /** Due {@code h} hours after the event, e.g. 24 for an urgent transfer (R-TRANSFER-DEADLINE). */
    public Instant hours(Instant event, int h) {
        requirePositive(h, "hours");
        return event.plus(Duration.ofHours(h));
    }

    /** Due {@link #immediatePeriod()} after the event (R-APPROVAL-NOTICE urgent, R-JOINT-EMERGENCY). */
    public Instant immediately(Instant event) {
        return event.plus(immediately);
    }

    /** What "immediately" allows in this hub. */
    public Duration immediatePeriod() {
        return immediately;
    }

    /**
     * How late an act at {@code actual} was for a period due at {@code due}; {@link Lateness#ON_TIME}
     * when {@code actual} is not after {@code due}. Otherwise the overdue time, and the working days
     * late: the working days after the due day up to and including the day of the act, where the
     * due day is the day the period ran to (for a due of 24:00, the day before the returned 00:00).
     * So an act on the first working day after the period is 1 working day late, and an act on the
     * weekend right after it is 0 working days (but some hours) late.
     */
    public Lateness lateness(Instant due, Instant actual) {
        if (!actual.isAfter(due)) {
            return Lateness.ON_TIME;
        }
        LocalDate dueDay = WorkingCalendar.dayOf(due.minusNanos(1));
        return new Lateness(Duration.between(due, actual),
                calendar.workingDaysBetween(dueDay, WorkingCalendar.dayOf(actual)));
    }

    /** The calendar the periods count on. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** 24:00 of {@code day}, i.e. 00:00 of the next day, in Asia/Shanghai. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    private static void requirePositive(int n, String unit) {
        if (n < 1) {
            throw new IllegalArgumentException("a period needs at least 1 of " + unit + ", not " + n);
        }
    }
}
