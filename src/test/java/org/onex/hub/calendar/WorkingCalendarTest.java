package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onex.hub.calendar.CalendarFixtures.cst;
import static org.onex.hub.calendar.CalendarFixtures.files;
import static org.onex.hub.calendar.CalendarFixtures.yearFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting working days on the calendar, merging across years, and refusing years without data. */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = CalendarFixtures.BUILT_IN;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2024-03-08, 1, 2024-03-11",   // Friday before an ordinary weekend: the Monday
            "2024-03-08, 0, 2024-03-08",
            "2024-02-09, 1, 2024-02-18",   // 除夕 is worked; Spring Festival, then the make-up Sunday
            "2024-02-09, 10, 2024-02-29",
            "2024-10-11, 1, 2024-10-12",   // a make-up Saturday counts
            "2024-10-03, 1, 2024-10-08",   // from a rest day: the first working day after it is day 1
            "2024-06-08, 5, 2024-06-17",   // Saturday before Dragon Boat Monday
            "2022-12-30, 1, 2023-01-03",   // across the New Year holiday that starts in 2022
            "2024-10-08, -1, 2024-09-30",  // counting back skips National Day
            "2024-02-18, -1, 2024-02-09" })
    void addsWorkingDaysWithoutCountingTheStartDay(LocalDate from, int n, LocalDate expected) {
        assertThat(CALENDAR.addWorkingDays(from, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource({
            "2024-03-08T10:00, 2024-03-11T09:00, 1",    // Friday to Monday: only Monday
            "2024-03-11T09:00, 2024-03-08T10:00, -1",   // backwards: negative
            "2024-03-11T09:00, 2024-03-11T23:59, 0",    // same day
            "2024-03-09T00:30, 2024-03-11T09:00, 1",    // from a Saturday
            "2022-12-30T12:00, 2023-01-03T09:00, 1",    // 12-31, 1-01, 1-02 are rest days
            "2024-02-09T15:00, 2024-02-29T08:00, 10",
            "2024-09-30T18:00, 2024-10-12T08:00, 5" })  // 10-08..10-11 and the make-up Saturday
    void countsWholeWorkingDaysBetweenTwoInstantsInShanghai(String from, String to, int expected) {
        assertThat(CALENDAR.workingDaysBetween(cst(from), cst(to))).isEqualTo(expected);
    }

    @Test
    void daysAreShanghaiDaysWhateverTheInstantsZone() {
        Instant monday = Instant.parse("2024-03-11T01:00:00Z"); // Monday 09:00 in Shanghai
        // Thursday 23:30 in Shanghai (15:30Z): Friday and Monday are after it
        assertThat(CALENDAR.workingDaysBetween(Instant.parse("2024-03-07T15:30:00Z"), monday)).isEqualTo(2);
        // Friday 00:30 in Shanghai although still Thursday in UTC: only Monday is after it
        assertThat(CALENDAR.workingDaysBetween(Instant.parse("2024-03-07T16:30:00Z"), monday)).isEqualTo(1);
    }

    @Test
    void aYearsNoticeMayListTheDecemberBeforeIt() {
        CalendarDay newYearsEve = CALENDAR.listed(LocalDate.of(2022, 12, 31)).orElseThrow();
        assertThat(newYearsEve.kind()).isEqualTo(DayKind.REST);
        assertThat(newYearsEve.holiday()).isEqualTo("元旦");
        assertThat(newYearsEve.notice()).isEqualTo("国办发明电〔2022〕16号");
        assertThat(newYearsEve.source()).startsWith("calendar/2023.yaml:");
        assertThat(CALENDAR.isRestDay(LocalDate.of(2023, 1, 2))).isTrue(); // a Monday

        // a weekday of the previous December, merged into the year before
        WorkingCalendar custom = CalendarLoader.load(files(
                "2030.yaml", yearFile(2030, ""),
                "2031.yaml", yearFile(2031, """
                          - name: 元旦
                            nameEn: New Year's Day
                            rest: [2030-12-31..2031-01-01]
                        """)), List.of());
        assertThat(custom.isRestDay(LocalDate.of(2030, 12, 31))).as("a Tuesday").isTrue();
        assertThat(custom.isWorkingDay(LocalDate.of(2030, 12, 30))).isTrue();
        assertThat(custom.workingDaysBetween(LocalDate.of(2030, 12, 30), LocalDate.of(2031, 1, 2))).isEqualTo(1);
    }

    @Test
    void aDayListedByTheNextYearsFileStillNeedsItsOwnYear() {
        WorkingCalendar only2031 = CalendarLoader.load(files("2031.yaml", yearFile(2031, """
                  - name: 元旦
                    nameEn: New Year's Day
                    rest: [2030-12-31..2031-01-01]
                """)), List.of());
        assertThatThrownBy(() -> only2031.isWorkingDay(LocalDate.of(2030, 12, 31)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2030));
    }

    @Test
    void aYearWithoutDataIsNeverGuessed() {
        assertThat(CALENDAR.covers(2026)).isTrue();
        assertThat(CALENDAR.covers(2027)).isFalse();
        assertThat(CALENDAR.covers(LocalDate.of(2019, 12, 31))).isFalse();
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2027))
                .hasMessageContaining("calendar/2027.yaml")
                .hasMessageContaining("国务院办公厅关于2027年部分节假日安排的通知");
        assertThatThrownBy(() -> CALENDAR.isRestDay(LocalDate.of(2019, 12, 31)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2019));
        // a count that runs into a year without data stops there
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2026, 12, 28), 5))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThat(CALENDAR.addWorkingDays(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> CALENDAR.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2)))
                .isInstanceOf(CalendarYearMissingException.class);
    }

    @Test
    void countingBetweenTwoDaysAgreesWithCountingEachDayInBetween() {
        java.util.Random random = new java.util.Random(5);
        LocalDate first = LocalDate.of(CALENDAR.coveredYears().first(), 1, 1);
        int span = (int) (LocalDate.of(CALENDAR.coveredYears().last(), 12, 31).toEpochDay() - first.toEpochDay());
        for (int i = 0; i < 2_000; i++) {
            LocalDate a = first.plusDays(random.nextInt(span + 1));
            LocalDate b = i % 4 == 0 ? a.plusDays(random.nextInt(20)) : first.plusDays(random.nextInt(span + 1));
            if (b.isAfter(first.plusDays(span))) {
                continue;
            }
            int expected = 0;
            for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
                expected += CALENDAR.isWorkingDay(d) ? 1 : 0;
            }
            for (LocalDate d = b.plusDays(1); !d.isAfter(a); d = d.plusDays(1)) {
                expected -= CALENDAR.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(CALENDAR.workingDaysBetween(a, b)).as("%s to %s", a, b).isEqualTo(expected);
        }
        // from the last day before the calendar's first year: the count starts inside it
        assertThat(CALENDAR.workingDaysBetween(first.minusDays(1), first.plusDays(6)))
                .isEqualTo(CALENDAR.workingDaysBetween(first, first.plusDays(6)) + (CALENDAR.isWorkingDay(first) ? 1 : 0));
    }

    @Test
    void aCountAcrossAGapYearNamesTheMissingYear() {
        WorkingCalendar gap = CalendarLoader.load(files("2030.yaml", yearFile(2030, ""), "2032.yaml",
                yearFile(2032, "")), List.of());
        assertThat(gap.workingDaysBetween(LocalDate.of(2032, 1, 1), LocalDate.of(2032, 1, 9))).isEqualTo(6);
        assertThatThrownBy(() -> gap.workingDaysBetween(LocalDate.of(2030, 12, 1), LocalDate.of(2032, 1, 5)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2031));
        assertThatThrownBy(() -> gap.workingDaysBetween(LocalDate.of(2032, 1, 5), LocalDate.of(2030, 12, 1)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2031));
        assertThat(gap.workingDaysBetween(LocalDate.of(2031, 12, 31), LocalDate.of(2032, 1, 2))).isEqualTo(2);
    }
}
