package org.onex.hub.ingest.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC cursor: its JSON form in the hub store and the transitions of the main cursor and the look-back sweep. */
class JdbcCursorTest {

    private static final LocalDateTime T1 = LocalDateTime.of(2024, 3, 5, 10, 20, 30);
    private static final LocalDateTime T2 = LocalDateTime.of(2024, 3, 5, 11, 0);
    private static final Instant SWEPT = Instant.parse("2024-03-05T04:00:00Z");

    static Stream<Arguments> keys() {
        return Stream.of(
                // JSON numbers come back as the smallest Java type that holds them; JDBC binds either alike
                Arguments.of(42L, 42, "{\"key\":42,\"time\":\"2024-03-05T10:20:30\"}"),
                Arguments.of(12_345_678_901L, 12_345_678_901L,
                        "{\"key\":12345678901,\"time\":\"2024-03-05T10:20:30\"}"),
                Arguments.of(new BigDecimal("1001"), 1001, "{\"key\":1001,\"time\":\"2024-03-05T10:20:30\"}"),
                Arguments.of("武市监许〔2024〕101号", "武市监许〔2024〕101号",
                        "{\"key\":\"武市监许〔2024〕101号\",\"time\":\"2024-03-05T10:20:30\"}"),
                // a zero-padded text key must stay text, or "00042" > "00100" comparisons would change
                Arguments.of("00042", "00042", "{\"key\":\"00042\",\"time\":\"2024-03-05T10:20:30\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void roundTripsThroughJson(Object key, Object readBack, String json) {
        JdbcCursor cursor = JdbcCursor.initial().advanced(T1, key);

        assertThat(cursor.toJson()).isEqualTo(json);
        JdbcCursor back = JdbcCursor.fromJson(cursor.toJson());
        assertThat(back.time()).isEqualTo(T1);
        assertThat(back.key()).isEqualTo(readBack);
        assertThat(back.sweeping()).isFalse();
        assertThat(back.sweptAt()).isNull();
    }

    @Test
    void roundTripsARunningSweep() {
        JdbcCursor cursor = JdbcCursor.initial().advanced(T2, 7).sweepFinished(SWEPT)
                .sweepStarted(T1, T2).sweepAdvanced(T1.plusMinutes(5), "K-3");

        String json = cursor.toJson();

        assertThat(json).isEqualTo("{\"key\":7,\"sweepKey\":\"K-3\",\"sweepTime\":\"2024-03-05T10:25:30\","
                + "\"sweepUntil\":\"2024-03-05T11:00:00\",\"sweptAt\":\"2024-03-05T04:00:00Z\","
                + "\"time\":\"2024-03-05T11:00:00\"}");
        assertThat(JdbcCursor.fromJson(json)).isEqualTo(cursor);
    }

    @Test
    void unreadableStoredCursorNamesItsJson() {
        assertThatThrownBy(() -> JdbcCursor.fromJson("{\"time\":\"yesterday\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored JDBC cursor is not readable: {\"time\":\"yesterday\"}");
    }

    @Test
    void startsAtTheBeginningWithoutKeyOrSweep() {
        JdbcCursor initial = JdbcCursor.initial();

        assertThat(initial).isEqualTo(new JdbcCursor(LocalDateTime.of(1900, 1, 1, 0, 0), null, null, null, null, null));
        assertThat(initial.sweeping()).isFalse();
        assertThat(initial.toJson()).isEqualTo("{\"time\":\"1900-01-01T00:00:00\"}");
    }

    @Test
    void sweepStartsAdvancesAndFinishesWithoutMovingTheMainCursor() {
        JdbcCursor caughtUp = JdbcCursor.initial().advanced(T2, 9L);

        JdbcCursor started = caughtUp.sweepStarted(T2.minusHours(1), T2);
        assertThat(started).isEqualTo(new JdbcCursor(T2, 9L, T2.minusHours(1), null, T2, null));
        assertThat(started.sweeping()).isTrue();

        JdbcCursor advanced = started.sweepAdvanced(T1, 4L);
        assertThat(advanced).isEqualTo(new JdbcCursor(T2, 9L, T1, 4L, T2, null));
        assertThat(advanced.sweeping()).isTrue();

        JdbcCursor finished = advanced.sweepFinished(SWEPT);
        assertThat(finished).isEqualTo(new JdbcCursor(T2, 9L, null, null, null, SWEPT));
        assertThat(finished.sweeping()).isFalse();
    }

    @Test
    void advancingTheMainCursorKeepsTheSweepAndItsLastRun() {
        JdbcCursor sweeping = JdbcCursor.initial().advanced(T1, 1L).sweepFinished(SWEPT).sweepStarted(T1, T1)
                .sweepAdvanced(T1, 1L);

        JdbcCursor advanced = sweeping.advanced(T2, 2L);

        assertThat(advanced).isEqualTo(new JdbcCursor(T2, 2L, T1, 1L, T1, SWEPT));
        // a new sweep starts from its own beginning, without a key
        assertThat(advanced.sweepFinished(SWEPT.plusSeconds(60)).sweepStarted(T1, T2))
                .isEqualTo(new JdbcCursor(T2, 2L, T1, null, T2, SWEPT.plusSeconds(60)));
    }
}
