package org.onex.hub.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.SchemaCheck;
import org.onex.hub.config.YamlDocument;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one {@code <year>.yaml} of the working-day calendar: its schema first
 * ({@value #SCHEMA}), then what a schema cannot say: the name is the year, dates are real dates of
 * that year (or of the previous December, where a New Year's Day holiday starts), ranges run
 * forwards, and no day is listed twice or as both a rest and a make-up day. Rules that depend on
 * other files (make-up days on weekends unless cancelling a rest day) are {@link CalendarMerge}'s.
 */
final class CalendarFile {

    /** Classpath location of the calendar file's JSON Schema. */
    static final String SCHEMA = "calendar/calendar-year.schema.json";

    private static final SchemaCheck SCHEMA_CHECK = SchemaCheck.ofResource(SCHEMA);
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");

    /**
     * A day as a file lists it.
     *
     * @param day   the day
     * @param line  its line in the file
     * @param key   its key path, e.g. {@code holidays[1].rest[0]}
     * @param alone listed as a single date rather than inside a range
     */
    record Listed(CalendarDay day, int line, String key, boolean alone) {
    }

    /** A checked file: its year, its days in file order. */
    record YearFile(int year, Path file, List<Listed> days) {
    }

    private CalendarFile() {
    }

    /**
     * Checks and reads a parsed file.
     *
     * @throws ConfigException naming the file, line and key of every problem
     */
    static YearFile read(YamlDocument doc) {
        SCHEMA_CHECK.check(doc);
        JsonNode root = doc.root();
        int year = root.path("year").asInt();
        List<Problem> problems = new ArrayList<>();
        Matcher name = FILE_NAME.matcher(String.valueOf(doc.file().getFileName()));
        if (!name.matches() || Integer.parseInt(name.group(1)) != year) {
            problems.add(doc.problem("/year", "the file of year " + year + " must be named " + year + ".yaml"));
        }
        JsonNode notices = root.path("notices");
        for (int i = 0; i < notices.size(); i++) {
            String at = YamlDocument.pointer("notices", i, "published");
            String published = notices.get(i).path("published").asText();
            if (parse(published) == null) {
                problems.add(doc.problem(at, "'" + published + "' is not a real date"));
            }
        }
        String notice = notices.path(0).path("number").asText();
        Map<LocalDate, Listed> seen = new HashMap<>();
        List<Listed> days = new ArrayList<>();
        JsonNode holidays = root.path("holidays");
        for (int i = 0; i < holidays.size(); i++) {
            JsonNode holiday = holidays.get(i);
            if (!holiday.has("rest") && !holiday.has("work")) {
                problems.add(doc.problem(YamlDocument.pointer("holidays", i), "lists neither rest nor work days"));
            }
            for (DayKind kind : DayKind.values()) {
                String key = kind == DayKind.REST ? "rest" : "work";
                JsonNode list = holiday.path(key);
                for (int j = 0; j < list.size(); j++) {
                    String at = YamlDocument.pointer("holidays", i, key, j);
                    String text = list.get(j).asText();
                    for (LocalDate date : dates(doc, at, text, year, problems)) {
                        Listed listed = new Listed(new CalendarDay(date, kind, holiday.path("name").asText(),
                                holiday.path("nameEn").asText(), notice, doc.file() + ":" + doc.line(at)),
                                doc.line(at), doc.key(at), !text.contains(".."));
                        Listed before = seen.putIfAbsent(date, listed);
                        if (before == null) {
                            days.add(listed);
                        } else {
                            problems.add(doc.problem(at, date + (before.day().kind() == kind ? " is listed twice"
                                    : " is both a rest day and a make-up working day") + " (also at line "
                                    + before.line() + ")"));
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new YearFile(year, doc.file(), List.copyOf(days));
    }

    /** The days of {@code 2024-02-10} or {@code 2024-02-10..2024-02-17}; empty after adding a problem. */
    private static List<LocalDate> dates(YamlDocument doc, String at, String text, int year, List<Problem> problems) {
        String[] ends = text.split("\\.\\.", -1);
        LocalDate from = parse(ends[0]);
        LocalDate to = ends.length > 1 ? parse(ends[1]) : from;
        if (from == null || to == null) {
            problems.add(doc.problem(at, "'" + text + "' is not a real date"));
            return List.of();
        }
        if (to.isBefore(from)) {
            problems.add(doc.problem(at, "the range '" + text + "' ends before it starts"));
            return List.of();
        }
        for (LocalDate end : List.of(from, to)) {
            boolean previousDecember = end.getYear() == year - 1 && end.getMonthValue() == 12;
            if (end.getYear() != year && !previousDecember) {
                problems.add(doc.problem(at, end + " is not in " + year + " (a year's file lists its own days,"
                        + " and days of December " + (year - 1) + " only where its first holiday starts there)"));
                return List.of();
            }
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** A strict ISO date, or null (2024-02-30 is not a date). */
    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
