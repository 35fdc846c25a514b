package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.onex.hub.calendar.CalendarFixtures.cst;
import static org.onex.hub.calendar.CalendarFixtures.write;
import static org.onex.hub.calendar.CalendarFixtures.yearFile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.alert.Alerts;

/** The warning that next year's holiday notice has not been added, on a fixed clock. */
class CalendarYearCheckTest {

    private static final MonthDay NOVEMBER_1 = MonthDay.of(11, 1);

    @TempDir
    Path dir;

    private final Alerts alerts = mock(Alerts.class);

    private CalendarYearCheck check(String shanghaiTime, MonthDay warnFrom) {
        Clock clock = Clock.fixed(cst(shanghaiTime), ZoneOffset.UTC); // the hub's clock is UTC
        return new CalendarYearCheck(CalendarLoader.load(dir), warnFrom, dir, clock, alerts);
    }

    @Test
    void noAlertBeforeTheFirstOfNovember() {
        assertThat(check("2026-10-31T23:59", NOVEMBER_1).run()).isEmpty();
        verifyNoInteractions(alerts);
    }

    @Test
    void fromTheFirstOfNovemberAMissingNextYearIsAWarning() {
        // 00:30 on 1 November in Shanghai is still 31 October in UTC: the day is Shanghai's
        assertThat(check("2026-11-01T00:30", NOVEMBER_1).run()).contains(2027);
        verify(alerts).warning(eq(Alerts.CALENDAR_MISSING), isNull(), isNull(), eq("calendar/2027.yaml"),
                eq("2027年节假日安排尚未录入 / the 2027 holiday calendar is missing: add " + dir.resolve("2027.yaml")
                        + " from the State Council notice (国务院办公厅关于2027年部分节假日安排的通知)"));
    }

    @Test
    void nextYearsFileInTheOperatorFolderEndsTheWarning() {
        write(dir, "2027.yaml", yearFile(2027, """
                  - name: 元旦
                    nameEn: New Year's Day
                    rest: [2027-01-01..2027-01-03]
                """));
        assertThat(check("2026-11-01T09:00", NOVEMBER_1).run()).isEmpty();
        verifyNoInteractions(alerts);
    }

    @Test
    void theWarnFromDayIsConfigurable() {
        CalendarYearCheck fromDecember = check("2026-11-20T09:00", MonthDay.of(12, 1));
        assertThat(fromDecember.check(LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(fromDecember.check(LocalDate.of(2026, 12, 1))).isEqualTo(Optional.of(2027));
        assertThat(fromDecember.check(LocalDate.of(2025, 12, 31))).isEmpty(); // 2026 is there
    }

    @Test
    void aCurrentYearWithoutDataIsAnError() {
        assertThat(check("2027-01-04T09:00", NOVEMBER_1).run()).contains(2027);
        verify(alerts).error(eq(Alerts.CALENDAR_MISSING), isNull(), isNull(), eq("calendar/2027.yaml"),
                contains("periods in working days cannot be counted"));
    }

    @Test
    void thePropertiesHaveTheirDefaultsAndRejectABadDay() {
        CalendarProperties defaults = new CalendarProperties(null, Duration.ofHours(2), "11-01");
        assertThat(defaults.warnFromDay()).isEqualTo(NOVEMBER_1);
        assertThat(defaults.dirOr(Path.of("config"))).isEqualTo(Path.of("config", "calendar"));
        assertThat(new CalendarProperties(Path.of("/etc/hub/calendar"), null, "12-15").dirOr(Path.of("config")))
                .isEqualTo(Path.of("/etc/hub/calendar"));
        assertThatThrownBy(() -> new CalendarProperties(null, null, "13-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub.calendar.warn-from");
    }
}
