package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in calendar against every rest day and make-up working day of the State Council's
 * notices for 2020 to 2026. The table below is typed from the notices' texts, not from the data
 * files, so a slip in either shows up here.
 */
class WorkingCalendarNoticesTest {

    /** {@code <year> rest|work <day>...}; a day is MM-dd of that year, a full date, or a FROM..TO range. */
    private static final String NOTICES = """
            2020 rest 01-01 01-24..02-02 04-04..04-06 05-01..05-05 06-25..06-27 10-01..10-08
            2020 work 01-19 04-26 05-09 06-28 09-27 10-10
            2021 rest 01-01..01-03 02-11..02-17 04-03..04-05 05-01..05-05 06-12..06-14 09-19..09-21 10-01..10-07
            2021 work 02-07 02-20 04-25 05-08 09-18 09-26 10-09
            2022 rest 01-01..01-03 01-31..02-06 04-03..04-05 04-30..05-04 06-03..06-05 09-10..09-12 10-01..10-07
            2022 work 01-29 01-30 04-02 04-24 05-07 10-08 10-09
            2023 rest 2022-12-31 01-01..01-02 01-21..01-27 04-05 04-29..05-03 06-22..06-24 09-29..10-06
            2023 work 01-28 01-29 04-23 05-06 06-25 10-07 10-08
            2024 rest 01-01 02-10..02-17 04-04..04-06 05-01..05-05 06-10 09-15..09-17 10-01..10-07
            2024 work 02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12
            2025 rest 01-01 01-28..02-04 04-04..04-06 05-01..05-05 05-31..06-02 10-01..10-08
            2025 work 01-26 02-08 04-27 09-28 10-11
            2026 rest 01-01..01-03 02-15..02-23 04-04..04-06 05-01..05-05 06-19..06-21 09-25..09-27 10-01..10-07
            2026 work 01-04 02-14 02-28 05-09 09-20 10-10
            """;

    private static final Map<LocalDate, DayKind> EXPECTED = table();
    private static final WorkingCalendar CALENDAR = CalendarFixtures.BUILT_IN;

    static Stream<Arguments> noticeDays() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("noticeDays")
    void everyDayANoticeListsIsAsTheNoticeSays(LocalDate date, DayKind kind) {
        assertThat(CALENDAR.isWorkingDay(date)).as("%s (%s) working", date, date.getDayOfWeek())
                .isEqualTo(kind == DayKind.MAKE_UP);
        assertThat(CALENDAR.listed(date)).get().extracting(CalendarDay::kind).isEqualTo(kind);
    }

    @Test
    void everyOtherDayOf2020To2026IsAWorkingDayExactlyWhenItIsMondayToFriday() {
        List<String> wrong = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            DayKind listed = EXPECTED.get(d);
            boolean expected = listed != null ? listed == DayKind.MAKE_UP
                    : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (CALENDAR.isWorkingDay(d) != expected || CALENDAR.listed(d).isPresent() != (listed != null)) {
                wrong.add(d + " " + d.getDayOfWeek() + ": calendar says " + (CALENDAR.isWorkingDay(d) ? "working" : "rest")
                        + CALENDAR.listed(d).map(x -> " (listed " + x.kind() + " at " + x.source() + ")").orElse(""));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(EXPECTED).hasSize(254); // the table parsed whole: 208 rest days and 46 make-up days
    }

    @Test
    void coversExactlyTheYearsWithANotice() {
        assertThat(CALENDAR.coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2020, 国办发明电〔2019〕16号",
            "2021, 国办发明电〔2020〕27号",
            "2022, 国办发明电〔2021〕11号",
            "2023, 国办发明电〔2022〕16号",
            "2024, 国办发明电〔2023〕7号",
            "2025, 国办发明电〔2024〕12号",
            "2026, 国办发明电〔2025〕7号" })
    void eachYearCitesItsNotice(int year, String number) {
        CalendarDay newYear = CALENDAR.listed(LocalDate.of(year, 1, 1)).orElseThrow();
        assertThat(newYear.notice()).isEqualTo(number);
        assertThat(newYear.holiday()).isEqualTo("元旦");
        assertThat(newYear.source()).startsWith("calendar/" + year + ".yaml:");
    }

    private static Map<LocalDate, DayKind> table() {
        Map<LocalDate, DayKind> out = new TreeMap<>();
        for (String line : NOTICES.strip().split("\n")) {
            String[] words = line.trim().split("\\s+");
            int year = Integer.parseInt(words[0]);
            DayKind kind = words[1].equals("rest") ? DayKind.REST : DayKind.MAKE_UP;
            for (int i = 2; i < words.length; i++) {
                String[] ends = words[i].split("\\.\\.");
                LocalDate from = day(year, ends[0]);
                LocalDate to = ends.length > 1 ? day(year, ends[1]) : from;
                from.datesUntil(to.plusDays(1)).forEach(d -> {
                    if (out.put(d, kind) != null) {
                        throw new IllegalStateException("the test table lists " + d + " twice");
                    }
                });
            }
        }
        return out;
    }

    private static LocalDate day(int year, String text) {
        return LocalDate.parse(text.length() == 5 ? year + "-" + text : text);
    }
}
