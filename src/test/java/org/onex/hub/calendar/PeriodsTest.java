package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onex.hub.calendar.CalendarFixtures.cst;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POLICY.md "Counting periods" on the official calendar; times are Asia/Shanghai. */
class PeriodsTest {

    private final Periods periods = new Periods(CalendarFixtures.BUILT_IN);

    @ParameterizedTest(name = "{0}: {1} + {2} working days, due {3}")
    @CsvSource({
            // a decision the day before Spring Festival (除夕 2024-02-09 is a working day)
            "R-APPROVAL-NOTICE, 2024-02-09T15:00, 10, 2024-03-01T00:00",
            // the same decision one minute before midnight the day before: day 1 is 02-09
            "R-APPROVAL-NOTICE, 2024-02-08T23:59, 10, 2024-02-29T00:00",
            // a penalty decision the day before National Day: 10-08 is day 1, the make-up Saturday 10-12 day 5
            "R-PENALTY-FEEDBACK, 2024-09-30T10:00, 10, 2024-10-19T00:00",
            // a letter received on the eve of the 2025 National Day and Mid-Autumn holiday
            "R-ASSIST-REPLY, 2025-09-30T16:00, 5, 2025-10-15T00:00",
            // the make-up Saturday 2024-10-12 counts as a working day
            "R-TRANSFER-DEADLINE, 2024-10-10T09:00, 3, 2024-10-15T00:00",
            "R-TRANSFER-DEADLINE, 2024-10-11T09:00, 1, 2024-10-13T00:00",
            // found on a rest day: the period starts the next day, counting from the first working day
            "R-TRANSFER-DEADLINE, 2024-10-03T11:00, 3, 2024-10-11T00:00",
            "R-ASSIST-REPLY, 2024-06-08T11:00, 5, 2024-06-18T00:00",
            // Friday before an ordinary weekend: working day 1 is Monday
            "R-TRANSFER-DEADLINE, 2024-03-08T17:00, 1, 2024-03-12T00:00" })
    void aPeriodInWorkingDaysEndsAt24OfItsLastWorkingDay(String rule, String event, int n, String due) {
        assertThat(periods.workingDays(cst(event), n)).as(rule).isEqualTo(cst(due));
    }

    @ParameterizedTest(name = "{0} + {1} calendar days, due {2}")
    @CsvSource({
            "2024-03-04T09:00, 3, 2024-03-08T00:00",  // ends on a Thursday
            "2024-05-13T09:00, 5, 2024-05-21T00:00",  // ends on a Saturday: moves to Monday
            "2024-05-06T09:00, 5, 2024-05-12T00:00",  // ends on a make-up Saturday: stays
            "2024-09-26T09:00, 5, 2024-10-09T00:00",  // ends on National Day: moves past the holiday
            "2024-10-05T09:00, 1, 2024-10-09T00:00" }) // event on a rest day, period ends on one
    void aPeriodInCalendarDaysEndingOnARestDayMovesToTheNextWorkingDay(String event, int n, String due) {
        assertThat(periods.calendarDays(cst(event), n)).isEqualTo(cst(due));
    }

    @Test
    void anUrgentPeriodInHoursRunsFromTheEventAcrossMidnightAndHolidays() {
        // R-TRANSFER-DEADLINE urgent: 24 hours, into the National Day holiday
        assertThat(periods.hours(cst("2024-09-30T22:30"), 24)).isEqualTo(cst("2024-10-01T22:30"));
        assertThat(periods.hours(Instant.parse("2024-09-30T14:30:00Z"), 24)).isEqualTo(Instant.parse("2024-10-01T14:30:00Z"));
    }

    @Test
    void immediatelyIsAShortConfigurablePeriod() {
        assertThat(periods.immediatePeriod()).isEqualTo(Periods.DEFAULT_IMMEDIATELY).isEqualTo(Duration.ofHours(2));
        assertThat(periods.immediately(cst("2024-10-01T23:00"))).isEqualTo(cst("2024-10-02T01:00"));
        Periods strict = new Periods(CalendarFixtures.BUILT_IN, Duration.ofMinutes(30));
        assertThat(strict.immediately(cst("2024-10-01T23:00"))).isEqualTo(cst("2024-10-01T23:30"));
        assertThatThrownBy(() -> new Periods(CalendarFixtures.BUILT_IN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "due {0}, done {1}: {2} working days, {3} h")
    @CsvSource({
            "2024-10-19T00:00, 2024-10-18T23:59, 0, 0",   // before 24:00 of the last day
            "2024-10-19T00:00, 2024-10-19T00:00, 0, 0",   // at 24:00 itself
            "2024-10-19T00:00, 2024-10-19T10:00, 0, 10",  // on the Saturday after: hours late, no working day
            "2024-10-19T00:00, 2024-10-21T09:00, 1, 57",  // on the next Monday
            "2024-10-19T00:00, 2024-10-22T00:30, 2, 73",  // begun hours count
            "2024-05-10T22:30, 2024-05-11T08:00, 1, 10" }) // an hours period; 05-11 is a make-up Saturday
    void latenessCountsWorkingDaysAfterTheDueDayAndBegunHours(String due, String actual, int workingDays, long hours) {
        Lateness lateness = periods.lateness(cst(due), cst(actual));
        assertThat(lateness.workingDays()).isEqualTo(workingDays);
        assertThat(lateness.hours()).isEqualTo(hours);
        assertThat(lateness.isLate()).isEqualTo(hours > 0);
        if (hours == 0) {
            assertThat(lateness).isEqualTo(Lateness.ON_TIME);
        }
    }

    @Test
    void aPeriodReachingAYearWithoutDataFails() {
        assertThatThrownBy(() -> periods.workingDays(cst("2026-12-25T10:00"), 10))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThat(periods.workingDays(cst("2026-12-25T10:00"), 4)).isEqualTo(cst("2027-01-01T00:00"));
    }

    @Test
    void aPeriodHasAtLeastOneUnit() {
        assertThatThrownBy(() -> periods.workingDays(cst("2024-03-08T10:00"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> periods.calendarDays(cst("2024-03-08T10:00"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> periods.hours(cst("2024-03-08T10:00"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
