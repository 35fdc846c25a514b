package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.onex.hub.calendar.CalendarFixtures.write;
import static org.onex.hub.calendar.CalendarFixtures.yearFile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.alert.Alerts;
import org.onex.hub.config.ConfigException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans and their properties, and the route that runs the year check at start-up. */
class CalendarConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(Alerts.class, () -> mock(Alerts.class));

    @Test
    void defaultsGiveTheBuiltInCalendarAndTwoHoursForImmediately() {
        context.withPropertyValues("hub.config-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(WorkingCalendar.class).coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024,
                    2025, 2026);
            assertThat(ctx.getBean(Periods.class).immediatePeriod()).isEqualTo(Duration.ofHours(2));
            assertThat(ctx.getBean(CalendarProperties.class).warnFromDay()).isEqualTo(MonthDay.of(11, 1));
            assertThat(ctx.getBean(CalendarYearCheck.class).message(2027)).contains(dir.resolve("calendar/2027.yaml").toString());
        });
    }

    @Test
    void theOperatorFolderAndTheSettingsAreConfigurable() {
        write(dir, "2027.yaml", yearFile(2027, ""));
        context.withPropertyValues("hub.calendar.dir=" + dir, "hub.calendar.immediately=30m",
                "hub.calendar.warn-from=12-01").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(WorkingCalendar.class).covers(2027)).isTrue();
                    assertThat(ctx.getBean(Periods.class).immediatePeriod()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(ctx.getBean(CalendarYearCheck.class).check(LocalDate.of(2027, 11, 30))).isEmpty();
                    assertThat(ctx.getBean(CalendarYearCheck.class).check(LocalDate.of(2027, 12, 1))).contains(2028);
                });
    }

    @Test
    void aBrokenOperatorFileStopsTheStart() {
        write(dir, "2027.yaml", "year: 2027\n");
        context.withPropertyValues("hub.calendar.dir=" + dir).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(dir.resolve("2027.yaml") + ":1: required property '");
        });
    }

    @Test
    void theRouteRunsTheCheckAtStartUp() throws Exception {
        CalendarYearCheck check = mock(CalendarYearCheck.class);
        CamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("hub.calendar.check-delay", "0");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry().bind("calendarYearCheck", CalendarYearCheck.class, check);
        camel.addRoutes(new CalendarYearCheckRoute());
        NotifyBuilder ran = new NotifyBuilder(camel).fromRoute("calendar-year-check").whenDone(1).create();
        camel.start();
        try {
            assertThat(ran.matches(10, TimeUnit.SECONDS)).isTrue();
            verify(check, timeout(1000)).run();
            assertThat(camel.getRoute("calendar-year-check").getEndpoint().getEndpointUri())
                    .isEqualTo("timer://calendar-year-check?delay=0&period=24h");
        } finally {
            camel.stop();
        }
    }
}
