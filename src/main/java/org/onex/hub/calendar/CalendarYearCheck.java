package org.onex.hub.calendar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import org.onex.hub.alert.Alerts;

/**
 * Warns before a year starts without its working-day calendar. The State Council publishes the
 * next year's holiday notice in October to December; from {@code hub.calendar.warn-from} (default
 * 1 November) the hub raises {@link Alerts#CALENDAR_MISSING} every day until the operator adds
 * the year's file. A current year without data is an error: no period in working days can be
 * counted. Run daily and at start-up by {@link CalendarYearCheckRoute}; the alert store keeps one
 * open alert per year and counts repeats.
 */
public class CalendarYearCheck {

    private final WorkingCalendar calendar;
    private final MonthDay warnFrom;
    private final Path operatorDir;
    private final Clock clock;
    private final Alerts alerts;

    public CalendarYearCheck(WorkingCalendar calendar, MonthDay warnFrom, Path operatorDir, Clock clock,
            Alerts alerts) {
        this.calendar = calendar;
        this.warnFrom = warnFrom;
        this.operatorDir = operatorDir;
        this.clock = clock;
        this.alerts = alerts;
    }

    /**
     * The year whose data is missing on {@code today}: this year if it has none, else next year
     * if today is on or after the warn-from day and next year has none; empty when all is well.
     */
    public Optional<Integer> check(LocalDate today) {
        if (!calendar.covers(today.getYear())) {
            return Optional.of(today.getYear());
        }
        boolean due = !MonthDay.from(today).isBefore(warnFrom);
        return due && !calendar.covers(today.getYear() + 1) ? Optional.of(today.getYear() + 1) : Optional.empty();
    }

    /** {@link #check} for today (the hub's clock, in Asia/Shanghai), raising the alert if a year is missing. */
    public Optional<Integer> run() {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        Optional<Integer> missing = check(today);
        missing.ifPresent(year -> {
            String subject = "calendar/" + year + ".yaml";
            if (year == today.getYear()) {
                alerts.error(Alerts.CALENDAR_MISSING, null, null, subject, message(year)
                        + "; periods in working days cannot be counted until it is added");
            } else {
                alerts.warning(Alerts.CALENDAR_MISSING, null, null, subject, message(year));
            }
        });
        return missing;
    }

    /** The alert text, in Chinese and English, naming the file to add. */
    String message(int year) {
        return year + "年节假日安排尚未录入 / the " + year + " holiday calendar is missing: add "
                + operatorDir.resolve(year + ".yaml") + " from the State Council notice (国务院办公厅关于" + year
                + "年部分节假日安排的通知)";
    }
}
