package org.onex.hub.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day a holiday notice lists.
 *
 * @param date      the day
 * @param kind      rest day or make-up working day
 * @param holiday   the holiday's name as in the notice, e.g. {@code 春节}
 * @param holidayEn the holiday's English name, e.g. {@code Spring Festival}
 * @param notice    document number of the year's notice, e.g. {@code 国办发明电〔2023〕7号}
 * @param source    where the day is listed, {@code file:line}
 */
public record CalendarDay(LocalDate date, DayKind kind, String holiday, String holidayEn, String notice,
        String source) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holiday, "holiday");
        holidayEn = holidayEn == null ? "" : holidayEn;
        notice = notice == null ? "" : notice;
        source = source == null ? "" : source;
    }
}
