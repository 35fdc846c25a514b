package org.onex.hub.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The official working-day calendar (POLICY.md "Counting periods"): Saturdays and Sundays are rest
 * days, except the make-up working days (调休上班) of the State Council's yearly holiday notice, and
 * the rest days of its statutory holidays are rest days. Immutable and thread-safe.
 *
 * <p>The calendar covers the years it has a notice for. Any question about a day of another year
 * throws {@link CalendarYearMissingException} naming that year rather than guessing from the
 * weekday. A day belongs to its own year's coverage even when a later year's notice lists it
 * (2023's New Year's Day starts on 2022-12-31).
 *
 * <p>Days are days in {@link #ZONE}; instants are turned into days there.
 */
public final class WorkingCalendar {

    /** The hub counts days in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<LocalDate, CalendarDay> listed;
    private final SortedSet<Integer> years;
    /** Epoch day of 1 January of the first covered year (0 if none). */
    private final long firstDay;
    /**
     * {@code workingUpTo[i]}: working days from {@link #firstDay} to {@code firstDay + i}, both included, up
     * to 31 December of the last covered year (days of uncovered years in between count none). Counting
     * is then a subtraction: every record's lateness is counted on the ingest path, often over months.
     */
    private final int[] workingUpTo;

    private WorkingCalendar(Map<LocalDate, CalendarDay> listed, SortedSet<Integer> years) {
        this.listed = Map.copyOf(listed);
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        if (years.isEmpty()) {
            this.firstDay = 0;
            this.workingUpTo = new int[0];
        } else {
            LocalDate first = LocalDate.of(years.first(), 1, 1);
            this.firstDay = first.toEpochDay();
            this.workingUpTo = new int[(int) (LocalDate.of(years.last(), 12, 31).toEpochDay() - firstDay + 1)];
            int count = 0;
            for (int i = 0; i < workingUpTo.length; i++) {
                LocalDate day = first.plusDays(i);
                if (covers(day) && isWorkingDay(day)) {
                    count++;
                }
                workingUpTo[i] = count;
            }
        }
    }

    /**
     * A calendar covering {@code years}, with the days the notices list. Days are merged by date in
     * the order given: a later entry for the same date replaces an earlier one.
     */
    public static WorkingCalendar of(Collection<Integer> years, Collection<CalendarDay> days) {
        Map<LocalDate, CalendarDay> byDate = new HashMap<>();
        days.forEach(d -> byDate.put(d.date(), d));
        return new WorkingCalendar(byDate, new TreeSet<>(years));
    }

    /**
     * Whether {@code date} is a working day: a listed make-up day, or a Monday to Friday that no
     * notice makes a rest day.
     *
     * @throws CalendarYearMissingException if the calendar has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        CalendarDay day = listed.get(date);
        if (day != null) {
            return day.kind() == DayKind.MAKE_UP;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The opposite of {@link #isWorkingDay}; throws the same way. */
    public boolean isRestDay(LocalDate date) {
        return !isWorkingDay(date);
    }

    /**
     * The entry a notice has for {@code date} (holiday name, kind, source), empty for an ordinary day.
     *
     * @throws CalendarYearMissingException if the calendar has no data for the date's year
     */
    public Optional<CalendarDay> listed(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(listed.get(date));
    }

    /**
     * The {@code n}-th working day after {@code from}. The day {@code from} itself is never counted
     * (it is the event's day), whether or not it is a working day: from a Friday before an ordinary
     * weekend, {@code n = 1} is the Monday; from a rest day, {@code n = 1} is the first working day
     * after it. {@code n = 0} returns {@code from}; a negative {@code n} counts back the same way.
     *
     * @throws CalendarYearMissingException if the count reaches a year without data
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate day = from;
        for (int left = Math.abs(n); left > 0;) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** {@code date} if it is a working day, else the first working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Working days from one day to another: the working days {@code d} with
     * {@code from < d <= to}, so the starting day is not counted and the last day is. Negative (the
     * same count, negated) when {@code to} is before {@code from}; 0 on the same day.
     *
     * @throws CalendarYearMissingException if a day in between lies in a year without data
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        if (!to.isAfter(from)) {
            return 0;
        }
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            if (!covers(year)) {
                throw new CalendarYearMissingException(year);
            }
        }
        return workingUpTo(to) - workingUpTo(from);
    }

    /** Working days from the first covered day to {@code day}; 0 before it. {@code day}'s year is covered or earlier. */
    private int workingUpTo(LocalDate day) {
        long i = day.toEpochDay() - firstDay;
        return i < 0 ? 0 : workingUpTo[(int) i];
    }

    /**
     * {@link #workingDaysBetween(LocalDate, LocalDate)} of the days of two instants in {@link #ZONE}:
     * the whole working days strictly after {@code from}'s day up to and including {@code to}'s day.
     * Times of day do not matter; two instants on the same day give 0, and {@code to} before
     * {@code from} gives a negative count.
     */
    public int workingDaysBetween(Instant from, Instant to) {
        return workingDaysBetween(dayOf(from), dayOf(to));
    }

    /** The years with data, ascending. */
    public SortedSet<Integer> coveredYears() {
        return years;
    }

    /** Whether the calendar has data for {@code year}. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** Whether the calendar has data for the year of {@code date}. */
    public boolean covers(LocalDate date) {
        return covers(date.getYear());
    }

    /** The day of {@code instant} in {@link #ZONE}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new CalendarYearMissingException(date.getYear());
        }
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + years + " (" + listed.size() + " listed days)";
    }
}
