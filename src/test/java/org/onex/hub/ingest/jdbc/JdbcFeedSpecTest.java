package org.onex.hub.ingest.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameters of the jdbc-source template: table or query, identifier and bound checks, and the keyset page SQL with
 * identifiers quoted per dialect (issue 12 item 1).
 */
class JdbcFeedSpecTest {

    private static final Duration DELAY = Duration.ofSeconds(30);
    private static final Duration LOOKBACK = Duration.ofHours(1);
    private static final Duration SWEEP = Duration.ofMinutes(15);

    private static JdbcFeedSpec spec(String table, String query, String time, String key, int batchSize,
            Duration delay, Duration lookback) {
        return spec(table, query, time, key, batchSize, delay, lookback, 4);
    }

    private static JdbcFeedSpec spec(String table, String query, String time, String key, int batchSize,
            Duration delay, Duration lookback, int maxBatches) {
        return JdbcFeedSpec.of("scjgj", "licences", "scjgj", table, query, time, key, batchSize, delay, lookback, SWEEP,
                maxBatches);
    }

    private static JdbcFeedSpec table(String table) {
        return spec(table, null, "UPDATED_AT", "ID", 500, DELAY, LOOKBACK);
    }

    private static final SqlDialect POSTGRES = new SqlDialect("PostgreSQL", "\"");
    private static final SqlDialect MARIADB = new SqlDialect("MariaDB", "`");

    private static JdbcIdentifiers.SourceTable resolved(SqlDialect dialect, String from, String time, String key) {
        return new JdbcIdentifiers.SourceTable(dialect, from, time, key, List.of());
    }

    @Test
    void tablePagesInCursorOrderWithQuotedIdentifiers() {
        JdbcFeedSpec spec = table("XK_LICENCE");
        var source = resolved(POSTGRES, POSTGRES.quote("XK_LICENCE"), "UPDATED_AT", "ID");

        assertThat(spec.from()).isEqualTo("XK_LICENCE");
        assertThat(spec.table()).isEqualTo("XK_LICENCE");
        assertThat(spec.query()).isNull();
        assertThat(spec.maxBatches()).isEqualTo(4);
        assertThat(spec.sourceName()).isEqualTo("XK_LICENCE");
        assertThat(spec.pageSql(false, source)).isEqualTo("SELECT * FROM \"XK_LICENCE\" src WHERE \"UPDATED_AT\" >= ?"
                + " AND \"UPDATED_AT\" <= ? ORDER BY \"UPDATED_AT\", \"ID\" LIMIT 500");
        assertThat(spec.pageSql(true, source)).isEqualTo("SELECT * FROM \"XK_LICENCE\" src WHERE \"UPDATED_AT\" >= ?"
                + " AND (\"UPDATED_AT\" > ? OR \"ID\" > ?) AND \"UPDATED_AT\" <= ? ORDER BY \"UPDATED_AT\", \"ID\""
                + " LIMIT 500");
    }

    @Test
    void chineseIdentifiersAreQuotedInTheDatabasesOwnQuote() {
        JdbcFeedSpec spec = spec("scjgj.许可信息", null, "更新时间", "许可编号", 100, DELAY, LOOKBACK);
        var maria = resolved(MARIADB, MARIADB.quote(List.of("scjgj", "许可信息")), "更新时间", "许可编号");

        assertThat(spec.pageSql(false, maria)).isEqualTo("SELECT * FROM `scjgj`.`许可信息` src WHERE `更新时间` >= ?"
                + " AND `更新时间` <= ? ORDER BY `更新时间`, `许可编号` LIMIT 100");
    }

    static Stream<Arguments> quoting() {
        return Stream.of(
                Arguments.of(POSTGRES, "许可信息", "\"许可信息\""),
                Arguments.of(POSTGRES, "Licence Table", "\"Licence Table\""),
                Arguments.of(POSTGRES, "odd\"name", "\"odd\"\"name\""),
                Arguments.of(MARIADB, "更新 时间", "`更新 时间`"),
                Arguments.of(MARIADB, "odd`name", "`odd``name`"),
                Arguments.of(MARIADB, "x\"y", "`x\"y`"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("quoting")
    void quotingDoublesTheQuoteCharacterSoNoNameEndsItEarly(SqlDialect dialect, String name, String quoted) {
        assertThat(dialect.quote(name)).isEqualTo(quoted);
    }

    @Test
    void queryIsReadAsADerivedTable() {
        JdbcFeedSpec spec = spec(null, "SELECT l.*, c.GXSJ FROM XK l JOIN XK_CHG c ON c.ID = l.ID", "GXSJ", "ID", 100,
                DELAY, LOOKBACK);

        assertThat(spec.from()).isEqualTo("(SELECT l.*, c.GXSJ FROM XK l JOIN XK_CHG c ON c.ID = l.ID)");
        assertThat(spec.query()).isEqualTo("SELECT l.*, c.GXSJ FROM XK l JOIN XK_CHG c ON c.ID = l.ID");
        assertThat(spec.table()).isNull();
        assertThat(spec.sourceName()).isEqualTo("scjgj/licences query");
        assertThat(spec.pageSql(true, resolved(POSTGRES, spec.from(), "GXSJ", "ID"))).isEqualTo("SELECT * FROM"
                + " (SELECT l.*, c.GXSJ FROM XK l JOIN XK_CHG c ON c.ID = l.ID) src WHERE \"GXSJ\" >= ? AND (\"GXSJ\" > ?"
                + " OR \"ID\" > ?) AND \"GXSJ\" <= ? ORDER BY \"GXSJ\", \"ID\" LIMIT 100");
    }

    @ParameterizedTest
    @ValueSource(strings = { "XK_LICENCE", "scjgj.xk_licence", "_t1", "许可信息", "scjgj.许可信息", "Licence Table",
            "1XK" })
    void acceptsAnyIdentifierADepartmentUses(String name) {
        assertThat(table(name).from()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 10_000 })
    void acceptsBatchSizesAtTheBounds(int batchSize) {
        assertThat(spec("XK", null, "UPDATED_AT", "ID", batchSize, DELAY, LOOKBACK).pageSql(false,
                resolved(POSTGRES, "\"XK\"", "UPDATED_AT", "ID")))
                .endsWith(" LIMIT " + batchSize);
    }

    @Test
    void acceptsZeroDelayAndLookback() {
        JdbcFeedSpec spec = spec("XK", null, "UPDATED_AT", "ID", 500, Duration.ZERO, Duration.ZERO);

        assertThat(spec.commitDelay()).isZero();
        assertThat(spec.lookback()).isZero();
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of("both table and query", (Runnable) () -> spec("XK", "SELECT * FROM XK", "UPDATED_AT", "ID",
                        500, DELAY, LOOKBACK), "scjgj-licences: give exactly one of the parameters table and query"),
                Arguments.of("neither", (Runnable) () -> spec(null, null, "UPDATED_AT", "ID", 500, DELAY, LOOKBACK),
                        "scjgj-licences: give exactly one of the parameters table and query"),
                Arguments.of("blank table and blank query", (Runnable) () -> spec(" ", "", "UPDATED_AT", "ID", 500,
                        DELAY, LOOKBACK), "scjgj-licences: give exactly one of the parameters table and query"),
                Arguments.of("table with an empty part", (Runnable) () -> table("scjgj..许可信息"),
                        "table 'scjgj..许可信息' is not a table name"),
                Arguments.of("table in parentheses", (Runnable) () -> table("(许可信息)"),
                        "table '(许可信息)' is not a table name"),
                Arguments.of("table with a line break", (Runnable) () -> table("许可\n信息"),
                        "table '许可\n信息' is not a table name"),
                Arguments.of("time column with a trailing space", (Runnable) () -> spec("XK", null, "更新时间 ", "ID",
                        500, DELAY, LOOKBACK), "cursorTime '更新时间 ' is not a column name"),
                Arguments.of("blank key column", (Runnable) () -> spec("XK", null, "UPDATED_AT", " ", 500,
                        DELAY, LOOKBACK), "cursorKey ' ' is not a column name"),
                Arguments.of("batch size 0", (Runnable) () -> spec("XK", null, "UPDATED_AT", "ID", 0, DELAY, LOOKBACK),
                        "batchSize must be 1..10000, got 0"),
                Arguments.of("batch size 10001", (Runnable) () -> spec("XK", null, "UPDATED_AT", "ID", 10_001, DELAY,
                        LOOKBACK), "batchSize must be 1..10000, got 10001"),
                Arguments.of("negative commit delay", (Runnable) () -> spec("XK", null, "UPDATED_AT", "ID", 500,
                        Duration.ofSeconds(-1), LOOKBACK), "commitDelay must not be negative"),
                Arguments.of("negative lookback", (Runnable) () -> spec("XK", null, "UPDATED_AT", "ID", 500, DELAY,
                        Duration.ofMinutes(-5)), "lookback must not be negative"),
                Arguments.of("no batches per poll", (Runnable) () -> spec("XK", null, "UPDATED_AT", "ID", 500, DELAY,
                        LOOKBACK, 0), "maxBatchesPerPoll must be positive, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void rejectsInvalidParameters(String name, Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
