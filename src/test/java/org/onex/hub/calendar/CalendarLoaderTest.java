package org.onex.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onex.hub.calendar.CalendarFixtures.files;
import static org.onex.hub.calendar.CalendarFixtures.write;
import static org.onex.hub.calendar.CalendarFixtures.yearFile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;

/** The built-in year files, the operator folder that adds and corrects years, and the checks on each file. */
class CalendarLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInFilesAreCleanAndAMissingOperatorFolderIsFine() {
        List<CalendarFile.YearFile> files = CalendarLoader.builtIn().stream().map(f -> CalendarFile.read(f.get())).toList();
        assertThat(files).extracting(CalendarFile.YearFile::year).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(CalendarMerge.merge(files).warnings()).isEmpty();
        assertThat(CalendarLoader.load(dir.resolve("no-such-folder")).coveredYears()).hasSize(7);
    }

    @Test
    void anOperatorFileOverridesTheDatesItListsAndKeepsTheRest() {
        Path file = write(dir, "2024.yaml", yearFile(2024, """
                  - name: 临时调整
                    nameEn: Test correction
                    rest: [2024-03-08]
                    work: [2024-10-07]
                """));
        WorkingCalendar calendar = CalendarLoader.load(dir);

        assertThat(calendar.isRestDay(LocalDate.of(2024, 3, 8))).isTrue();
        assertThat(calendar.listed(LocalDate.of(2024, 3, 8))).get().extracting(CalendarDay::source).isEqualTo(file + ":9");
        // a weekday under work cancels the built-in rest day (the operator's way to undo a wrong one)
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 7))).isTrue();
        // everything else of 2024 is still the notice's
        assertThat(calendar.isRestDay(LocalDate.of(2024, 10, 6))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        assertThat(calendar.isRestDay(LocalDate.of(2024, 2, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 3, 7))).isTrue();
    }

    @Test
    void anOperatorFileAddsNextYear() {
        write(dir, "2027.yaml", yearFile(2027, """
                  - name: 元旦
                    nameEn: New Year's Day
                    rest: [2027-01-01..2027-01-03]
                """));
        WorkingCalendar calendar = CalendarLoader.load(dir);
        assertThat(calendar.coveredYears()).contains(2026, 2027);
        assertThat(calendar.isRestDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
    }

    @Test
    void aBrokenOperatorFileIsReportedWithItsFileAndLine() {
        Path file = write(dir, "2027.yaml", yearFile(2027, """
                  - name: 春节
                    nameEn: Spring Festival
                    rest: [2027-02-05..2027-02-11]
                    work: [2027-02-30]
                """));
        assertThatThrownBy(() -> CalendarLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":10: holidays[0].work[0]: '2027-02-30' is not a real date");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() {
        Path file = write(dir, "2027.yaml", "year: 2027\nnotices:\n  - title: x\n\tnumber: y\n");
        assertThatThrownBy(() -> CalendarLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4: YAML syntax error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            make-up on a weekday | work: [2024-03-06]                         | 9  | holidays[0].work[0]: 2024-03-06 is a Wednesday: a make-up working day (调休上班) falls on a Saturday or Sunday
            rest and make-up     | rest: [2024-03-09]\\n    work: [2024-03-09]  | 10 | holidays[0].work[0]: 2024-03-09 is both a rest day and a make-up working day (also at line 9)
            listed twice         | rest: [2024-03-04..2024-03-06, 2024-03-06] | 9  | holidays[0].rest[1]: 2024-03-06 is listed twice (also at line 9)
            range backwards      | rest: [2024-03-06..2024-03-04]             | 9  | holidays[0].rest[0]: the range '2024-03-06..2024-03-04' ends before it starts
            not a date           | rest: [2024-13-01]                         | 9  | holidays[0].rest[0]: '2024-13-01' is not a real date
            another year         | rest: [2025-01-02]                         | 9  | holidays[0].rest[0]: 2025-01-02 is not in 2024
            a misspelt key       | makeup: [2024-03-09]                       | 9  | holidays[0].makeup: unknown property 'makeup'
            no days              | note: nothing                              | 7  | holidays[0]: lists neither rest nor work days
            """)
    void eachFileIsChecked(String what, String days, int line, String message) {
        String text = yearFile(2024, "  - name: 测试\n    nameEn: Test\n    " + days.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> CalendarLoader.load(files("2024.yaml", text), List.of()))
                .as(what).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("2024.yaml:" + line + ": " + message);
    }

    @Test
    void theFileIsNamedAfterItsYear() {
        write(dir, "2027-fix.yaml", yearFile(2027, ""));
        write(dir, "2028.yaml", yearFile(2027, ""));
        assertThatThrownBy(() -> CalendarLoader.load(dir)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(
                e.problems()).extracting(Problem::toString).containsExactly(
                        dir.resolve("2027-fix.yaml") + ":1: year: the file of year 2027 must be named 2027.yaml",
                        dir.resolve("2028.yaml") + ":1: year: the file of year 2027 must be named 2027.yaml"));
    }

    @Test
    void aWeekendListedAloneAsARestDayIsOnlyAWarning() {
        YamlDocument doc = YamlDocument.parse(Path.of("2024.yaml"), yearFile(2024, """
                  - name: 测试
                    nameEn: Test
                    rest: [2024-03-09, 2024-03-15..2024-03-17]
                """));
        CalendarMerge.Result merged = CalendarMerge.merge(List.of(CalendarFile.read(doc)));
        assertThat(merged.warnings()).extracting(Problem::toString).containsExactly(
                "2024.yaml:9: holidays[0].rest[0]: 2024-03-09 is a Saturday, a rest day anyway: list it inside its holiday's range");
        assertThat(merged.calendar().isRestDay(LocalDate.of(2024, 3, 15))).isTrue();
    }
}
