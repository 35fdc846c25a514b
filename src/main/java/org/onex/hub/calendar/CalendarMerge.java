package org.onex.hub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.onex.hub.calendar.CalendarFile.Listed;
import org.onex.hub.calendar.CalendarFile.YearFile;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges checked year files into one calendar, date by date, in the order given (the loader gives
 * the built-in files by year, then the operator's files by year): a later file's entry for a date
 * replaces an earlier one's. Also checks what needs the other files:
 * <ul>
 * <li>a make-up working day falls on a Saturday or Sunday; a weekday may be listed under
 * {@code work} only to cancel a rest day that an earlier file lists (the operator's way to undo a
 * wrong rest day) &mdash; otherwise an error;</li>
 * <li>a Saturday or Sunday listed alone as a rest day is a rest day anyway &mdash; a warning,
 * unless it cancels an earlier file's make-up day.</li>
 * </ul>
 */
final class CalendarMerge {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarMerge.class);

    /** The merged calendar and the warnings to log. */
    record Result(WorkingCalendar calendar, List<Problem> warnings) {
    }

    private CalendarMerge() {
    }

    /** @throws ConfigException naming the file and line of every weekday make-up day */
    static Result merge(List<YearFile> files) {
        Map<LocalDate, CalendarDay> merged = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (YearFile file : files) {
            years.add(file.year());
            for (Listed listed : file.days()) {
                CalendarDay day = listed.day();
                CalendarDay earlier = merged.get(day.date());
                boolean weekend = isWeekend(day.date());
                if (day.kind() == DayKind.MAKE_UP && !weekend && (earlier == null || earlier.kind() != DayKind.REST)) {
                    problems.add(new Problem(file.file(), listed.line(), listed.key(), day.date() + " is a "
                            + weekday(day.date()) + ": a make-up working day (调休上班) falls on a Saturday or Sunday"
                            + " (list a weekday under work only to cancel a rest day of an earlier file)"));
                    continue;
                }
                if (day.kind() == DayKind.REST && weekend && listed.alone()
                        && (earlier == null || earlier.kind() != DayKind.MAKE_UP)) {
                    warnings.add(new Problem(file.file(), listed.line(), listed.key(), day.date() + " is a "
                            + weekday(day.date()) + ", a rest day anyway: list it inside its holiday's range"));
                }
                if (earlier != null) {
                    LOG.info("calendar: {} ({} {}) replaces {} ({} {})", day.source(), day.date(), day.kind(),
                            earlier.source(), earlier.date(), earlier.kind());
                }
                merged.put(day.date(), day);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Result(WorkingCalendar.of(years, merged.values()), List.copyOf(warnings));
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
