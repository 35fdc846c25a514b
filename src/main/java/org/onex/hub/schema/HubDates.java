package org.onex.hub.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates and timestamps that department systems write in many layouts (2024-03-05, 2024/3/5,
 * 2024年3月5日, 20240305, ISO date-times, full-width forms) or hand in as JDBC objects, into {@link LocalDate} and
 * {@link Instant}; the words of long-term validity (长期 …, {@link LongTermDates}) into {@link Document#LONG_TERM}. The hub's own zone is Asia/Shanghai; the deadline clocks count in it.
 */
public final class HubDates {

    /** The hub's zone: every local date and time without an offset is read in it unless a source says otherwise. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String ACCEPTED = "expected yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd"
            + " or an ISO date-time";

    /** Date (three layouts), optional time (T or spaces, optional seconds and fraction), optional offset. */
    private static final Pattern LAYOUT = Pattern.compile("(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})"
            + "|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?|(\\d{2})(\\d{2}))"
            + "(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private HubDates() {
    }

    /**
     * Parses a date. A date-time gives its date part; when it carries an offset (e.g. {@code ...T16:00:00Z})
     * the date is taken in {@link #ZONE}, because serializers write local midnight of the 5th as 16:00Z of
     * the 4th.
     *
     * @throws IllegalArgumentException quoting the input when it is empty, in no accepted layout, or not a
     *         real date
     */
    public static LocalDate parseDate(String raw) {
        Parsed p = parse(raw);
        return p.offset == null ? p.date : p.date.atTime(p.timeOrMidnight()).atOffset(p.offset)
                .atZoneSameInstant(ZONE).toLocalDate();
    }

    /**
     * Parses an instant: ISO instants and offset date-times as written; a local date-time
     * ({@code 2024-03-05 10:20:30}, {@code 2024/3/5 10:20}) in {@code zone}; a bare date at its start of day in
     * {@code zone}.
     *
     * @throws IllegalArgumentException quoting the input when it cannot be read
     */
    public static Instant parseInstant(String raw, ZoneId zone) {
        Parsed p = parse(raw);
        if (p.offset != null) {
            return p.date.atTime(p.timeOrMidnight()).toInstant(p.offset);
        }
        return p.time == null ? p.date.atStartOfDay(zone).toInstant() : p.date.atTime(p.time).atZone(zone).toInstant();
    }

    /**
     * Converts what a JDBC driver, a CSV reader or JSON hands in to a date: {@link LocalDate},
     * {@link java.sql.Date}, {@link java.sql.Timestamp} and {@link LocalDateTime} (wall-clock date),
     * {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant} and {@link java.util.Date} (date in
     * {@link #ZONE}), text via {@link #parseDate}, and numbers written yyyyMMdd (e.g. a NUMBER(8) column).
     * Null stays null.
     */
    public static LocalDate toDate(Object value) {
        return toDate(value, LongTermDates.DEFAULT);
    }

    /**
     * As {@link #toDate(Object)}, and text that is one of the {@code longTerm} words (长期, 长期有效 …) is
     * {@link Document#LONG_TERM}, 2099-12-31: the envelope has one form of long-term validity.
     */
    public static LocalDate toDate(Object value, LongTermDates longTerm) {
        if (value instanceof CharSequence s && longTerm != null) {
            if (longTerm.matches(s.toString())) {
                return Document.LONG_TERM;
            }
            try {
                return parseDate(s.toString());
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith("cannot read date")) {
                    throw e; // a date in a known layout that is not a real date: the words do not matter
                }
                throw new IllegalArgumentException(e.getMessage() + ", or for long-term validity one of "
                        + longTerm.words(), e);
            }
        }
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof CharSequence s) {
            return parseDate(s.toString());
        }
        if (value instanceof Number n) {
            return parseDate(n.toString());
        }
        return toInstant(value, ZONE).atZone(ZONE).toLocalDate();
    }

    /**
     * Converts to an instant: local values ({@link java.sql.Timestamp}'s wall clock, {@link LocalDateTime},
     * {@link LocalDate}, {@link java.sql.Date}, text without offset) are read in {@code zone}, the source's
     * zone; values with an offset or zone keep their instant. Null stays null.
     *
     * @throws IllegalArgumentException for any other type, naming it
     */
    public static Instant toInstant(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().atZone(zone).toInstant();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(zone).toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(zone).toInstant();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        if (value instanceof CharSequence s) {
            return parseInstant(s.toString(), zone);
        }
        throw new IllegalArgumentException("cannot read a date or time from a " + value.getClass().getName()
                + " ('" + value + "')");
    }

    private static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("date '" + raw + "' is empty");
        }
        // full-width digits and separators (２０２４／３／５) and the ideographic blank read as their ASCII forms
        Matcher m = LAYOUT.matcher(java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read date '" + raw + "': " + ACCEPTED);
        }
        int g = m.group(3) != null ? 3 : m.group(5) != null ? 5 : 7;
        LocalDate date;
        try {
            date = LocalDate.of(num(m, 1), num(m, g), num(m, g + 1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a real date: " + e.getMessage(), e);
        }
        LocalTime time = null;
        ZoneOffset offset = null;
        try {
            if (m.group(9) != null) {
                String frac = m.group(12) == null ? "0" : (m.group(12) + "00000000").substring(0, 9);
                time = LocalTime.of(num(m, 9), num(m, 10), m.group(11) == null ? 0 : num(m, 11),
                        Integer.parseInt(frac));
            }
            if (m.group(13) != null) {
                offset = ZoneOffset.of(m.group(13));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a real time: " + e.getMessage(), e);
        }
        return new Parsed(date, time, offset);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private record Parsed(LocalDate date, LocalTime time, ZoneOffset offset) {
        LocalTime timeOrMidnight() {
            return time == null ? LocalTime.MIDNIGHT : time;
        }
    }
}
