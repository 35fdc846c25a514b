package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Date and timestamp layouts written by department systems, and JDBC value types. */
class HubDatesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void hubZoneIsShanghai() {
        assertThat(HubDates.ZONE).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05 | 2024-03-05",
        "2024/3/5 | 2024-03-05",
        "2024-3-5 | 2024-03-05",
        "2024.3.5 | 2024-03-05",
        "2024.03.05 | 2024-03-05",
        "2024年3月5日 | 2024-03-05",
        "2024年03月05日 | 2024-03-05",
        "20240305 | 2024-03-05",
        "'  2024/12/31 ' | 2024-12-31",
        "2024-02-29 | 2024-02-29",
        "2024-03-05T10:20:30 | 2024-03-05",
        "2024-03-05T23:59:59.999 | 2024-03-05",
        "2024-03-05 10:20:30 | 2024-03-05",
        "2024/3/5 10:20 | 2024-03-05",
        "2024-03-05T23:30:00+08:00 | 2024-03-05",
        "2024-03-04T16:00:00Z | 2024-03-05",
        "2024-03-04T16:00:00.000Z | 2024-03-05",
        "2024-03-05T01:00:00+09:00 | 2024-03-05"})
    void parsesDateLayouts(String raw, LocalDate expected) {
        assertThat(HubDates.parseDate(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
        "2023-02-29 | '2023-02-29' is not a real date",
        "2024-13-01 | '2024-13-01' is not a real date",
        "2024/4/31 | '2024/4/31' is not a real date",
        "20240230 | '20240230' is not a real date",
        "2024年2月30日 | '2024年2月30日' is not a real date",
        "2024-03-05T25:00:00 | '2024-03-05T25:00:00' is not a real time",
        "garbage | cannot read date 'garbage'",
        "2024-03/05 | cannot read date '2024-03/05'",
        "24-3-5 | cannot read date '24-3-5'",
        "2024-03-05X | cannot read date '2024-03-05X'",
        "'' | date '' is empty",
        "NULL | date 'null' is empty"})
    void rejectsImpossibleDatesAndGarbage(String raw, String message) {
        assertThatThrownBy(() -> HubDates.parseDate(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void garbageMessageListsTheAcceptedLayouts() {
        assertThatThrownBy(() -> HubDates.parseDate("5 March")).hasMessage("cannot read date '5 March': expected"
                + " yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日, yyyyMMdd or an ISO date-time");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05T02:20:30Z | Asia/Shanghai | 2024-03-05T02:20:30Z",
        "2024-03-05T02:20:30.5Z | Asia/Shanghai | 2024-03-05T02:20:30.500Z",
        "2024-03-05T10:20:30+08:00 | UTC | 2024-03-05T02:20:30Z",
        "2024-03-05T10:20:30+0800 | UTC | 2024-03-05T02:20:30Z",
        "2024-03-05 10:20:30 | Asia/Shanghai | 2024-03-05T02:20:30Z",
        "2024-03-05T10:20:30 | Asia/Shanghai | 2024-03-05T02:20:30Z",
        "2024-03-05 10:20:30 | UTC | 2024-03-05T10:20:30Z",
        "2024/3/5 10:20 | Asia/Shanghai | 2024-03-05T02:20:00Z",
        "2024年3月5日 8:05 | Asia/Shanghai | 2024-03-05T00:05:00Z",
        "2024-03-05 | Asia/Shanghai | 2024-03-04T16:00:00Z",
        "20240305 | UTC | 2024-03-05T00:00:00Z"})
    void parsesInstants(String raw, ZoneId zone, Instant expected) {
        assertThat(HubDates.parseInstant(raw, zone)).isEqualTo(expected);
    }

    @Test
    void parseInstantRejectsGarbageQuotingIt() {
        assertThatThrownBy(() -> HubDates.parseInstant("yesterday", HubDates.ZONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read date 'yesterday'");
    }

    static Stream<Arguments> dateObjects() {
        return Stream.of(
                Arguments.of(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5)),
                Arguments.of(java.sql.Date.valueOf("2024-03-05"), LocalDate.of(2024, 3, 5)),
                Arguments.of(Timestamp.valueOf("2024-03-05 23:59:59"), LocalDate.of(2024, 3, 5)),
                Arguments.of(LocalDateTime.of(2024, 3, 5, 0, 0), LocalDate.of(2024, 3, 5)),
                Arguments.of(OffsetDateTime.of(2024, 3, 4, 16, 0, 0, 0, ZoneOffset.UTC), LocalDate.of(2024, 3, 5)),
                Arguments.of(ZonedDateTime.of(2024, 3, 5, 9, 0, 0, 0, HubDates.ZONE), LocalDate.of(2024, 3, 5)),
                Arguments.of(Instant.parse("2024-03-05T15:59:59Z"), LocalDate.of(2024, 3, 5)),
                Arguments.of(Instant.parse("2024-03-05T16:00:00Z"), LocalDate.of(2024, 3, 6)),
                Arguments.of(Date.from(Instant.parse("2024-03-04T16:00:00Z")), LocalDate.of(2024, 3, 5)),
                Arguments.of("2024年3月5日", LocalDate.of(2024, 3, 5)),
                Arguments.of(new StringBuilder("2024/3/5"), LocalDate.of(2024, 3, 5)),
                Arguments.of(20240305, LocalDate.of(2024, 3, 5)),
                Arguments.of(20240305L, LocalDate.of(2024, 3, 5)),
                Arguments.of(new java.math.BigDecimal("20240305"), LocalDate.of(2024, 3, 5)));
    }

    @ParameterizedTest
    @MethodSource("dateObjects")
    void convertsJdbcValuesToDates(Object value, LocalDate expected) {
        assertThat(HubDates.toDate(value)).isEqualTo(expected);
    }

    static Stream<Arguments> instantObjects() {
        Instant expected = Instant.parse("2024-03-05T02:20:30Z");
        return Stream.of(
                Arguments.of(expected, HubDates.ZONE, expected),
                Arguments.of(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHours(8)), UTC, expected),
                Arguments.of(ZonedDateTime.of(2024, 3, 5, 10, 20, 30, 0, HubDates.ZONE), UTC, expected),
                Arguments.of(Timestamp.valueOf("2024-03-05 10:20:30"), HubDates.ZONE, expected),
                Arguments.of(Timestamp.valueOf("2024-03-05 02:20:30"), UTC, expected),
                Arguments.of(LocalDateTime.of(2024, 3, 5, 10, 20, 30), HubDates.ZONE, expected),
                Arguments.of(Date.from(expected), UTC, expected),
                Arguments.of("2024-03-05 10:20:30", HubDates.ZONE, expected),
                Arguments.of(LocalDate.of(2024, 3, 5), HubDates.ZONE, Instant.parse("2024-03-04T16:00:00Z")),
                Arguments.of(java.sql.Date.valueOf("2024-03-05"), HubDates.ZONE,
                        Instant.parse("2024-03-04T16:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("instantObjects")
    void convertsJdbcValuesToInstants(Object value, ZoneId zone, Instant expected) {
        assertThat(HubDates.toInstant(value, zone)).isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(HubDates.toDate(null)).isNull();
        assertThat(HubDates.toInstant(null, HubDates.ZONE)).isNull();
    }

    @Test
    void unsupportedValuesAreNamed() {
        assertThatThrownBy(() -> HubDates.toInstant(Boolean.TRUE, HubDates.ZONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read a date or time from a java.lang.Boolean ('true')");
        assertThatThrownBy(() -> HubDates.toDate(Boolean.TRUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Boolean");
        // epoch millis are not a yyyyMMdd number
        assertThatThrownBy(() -> HubDates.toDate(1709605230000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read date '1709605230000'");
    }
}
