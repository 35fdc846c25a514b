package org.onex.hub.calendar;

import java.time.Clock;

import org.onex.hub.alert.Alerts;
import org.onex.hub.config.HubPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working-day calendar, loaded once at start-up (a broken file stops the start with
 * {@code file:line: key: reason}), the counting rules on it, and the check for next year's data.
 * A changed operator file takes effect at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CalendarProperties.class, HubPaths.class })
public class CalendarConfiguration {

    @Bean
    public WorkingCalendar workingCalendar(CalendarProperties properties, HubPaths paths) {
        return CalendarLoader.load(properties.dirOr(paths.configDir()));
    }

    @Bean
    public Periods periods(WorkingCalendar calendar, CalendarProperties properties) {
        return new Periods(calendar, properties.immediately());
    }

    @Bean
    public CalendarYearCheck calendarYearCheck(WorkingCalendar calendar, CalendarProperties properties,
            HubPaths paths, Clock clock, Alerts alerts) {
        return new CalendarYearCheck(calendar, properties.warnFromDay(), properties.dirOr(paths.configDir()), clock,
                alerts);
    }
}
