package org.onex.hub.calendar;

import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.calendar.*}: where the operator's calendar files are and how periods are read.
 *
 * @param dir         {@code hub.calendar.dir}: the operator folder of {@code <year>.yaml} files;
 *                    unset means {@code ${hub.config-dir}/calendar}. It may not exist.
 * @param immediately {@code hub.calendar.immediately}: what "immediately" allows (the source
 *                    document sets no number), default {@code 2h}
 * @param warnFrom    {@code hub.calendar.warn-from}: from this day of the year ({@code MM-dd}) the
 *                    hub warns when next year's calendar is missing, default {@code 11-01}
 */
@ConfigurationProperties(prefix = "hub.calendar")
public record CalendarProperties(
        Path dir,
        @DefaultValue("2h") Duration immediately,
        @DefaultValue("11-01") String warnFrom) {

    public CalendarProperties {
        warnFromDay(warnFrom); // fail at start-up, not on the first check
    }

    /** {@link #dir()}, or {@code <configDir>/calendar} when unset. */
    public Path dirOr(Path configDir) {
        return dir != null ? dir : configDir.resolve("calendar");
    }

    /** {@link #warnFrom()} as a day of the year. */
    public MonthDay warnFromDay() {
        return warnFromDay(warnFrom);
    }

    private static MonthDay warnFromDay(String text) {
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("hub.calendar.warn-from must be a day of the year as MM-dd (e.g. 11-01),"
                    + " not '" + text + "'", e);
        }
    }
}
