package org.onex.hub.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.onex.hub.schema.HubDates;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Creates {@code xk_licence} (or a table of another name in the same layout) in the source database and
 * fills it with COPY, in chunks of {@value #CHUNK} rows. UPDATED_AT values start three days back in
 * Asia/Shanghai wall time and advance by 0–999 ms per row, so the newest seeded row is still hours older than
 * the hub's commit delay.
 * Also inserts single live rows for the latency phase, as the department's own application would.
 */
final class LicenceSeeder {

    private static final int CHUNK = 10_000;
    /** The table of the untimed warm-up loads (jdbc and departments scenarios), seeded from its own row stream. */
    static final String WARM_TABLE = "xk_licence_warm";
    /** Rows of a warm-up load: enough for the JIT to compile the ingest path, few enough to take seconds. */
    static final int WARM_ROWS = 30_000;

    private final LicenceRows rows;
    private final String table;
    private long lastId;

    LicenceSeeder(LicenceRows rows) {
        this(rows, "xk_licence");
    }

    LicenceSeeder(LicenceRows rows, String table) {
        this.rows = rows;
        this.table = table;
    }

    /** Seeds the warm-up table with {@link #WARM_ROWS} rows, fewer when the measured load itself is smaller. */
    static long seedWarmUp(Connection source, int measuredRows) throws SQLException {
        return new LicenceSeeder(new LicenceRows(41), WARM_TABLE).seed(source, warmRows(measuredRows));
    }

    static int warmRows(int measuredRows) {
        return Math.min(measuredRows, WARM_ROWS);
    }

    /** Creates the table and seeds {@code count} rows; returns the elapsed nanoseconds. */
    long seed(Connection source, int count) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = source.createStatement()) {
            s.execute(LicenceRows.ddl(table));
        }
        CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + table + " (" + String.join(", ", LicenceRows.COLUMNS) + ") FROM STDIN";
        LocalDateTime time = LocalDateTime.now(HubDates.ZONE).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder chunk = new StringBuilder(CHUNK * 400);
        for (int i = 1; i <= count; i++) {
            time = time.plus(rows.nextGapMillis(), ChronoUnit.MILLIS);
            LicenceRows.appendCopyLine(chunk, rows.next(i, time));
            if (i % CHUNK == 0 || i == count) {
                try {
                    copy.copyIn(sql, new StringReader(chunk.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
                }
                chunk.setLength(0);
            }
        }
        LocalDateTime newest = LocalDateTime.now(HubDates.ZONE).minusMinutes(1);
        if (time.isAfter(newest)) {
            throw new IllegalStateException("seeded UPDATED_AT " + time + " is not a minute in the past");
        }
        lastId = count;
        return System.nanoTime() - start;
    }

    /** A prepared single-row insert for {@link #insertLive}. */
    static PreparedStatement prepareInsert(Connection source) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(LicenceRows.COLUMNS.length, "?"));
        return source.prepareStatement("INSERT INTO xk_licence (" + String.join(", ", LicenceRows.COLUMNS)
                + ") VALUES (" + marks + ")");
    }

    /**
     * Inserts (and, in auto-commit, commits) one new row whose UPDATED_AT is the current Asia/Shanghai wall
     * time, and returns its document number (the hub's source key).
     */
    String insertLive(PreparedStatement insert) throws SQLException {
        Object[] row = rows.next(++lastId, LocalDateTime.now(HubDates.ZONE).truncatedTo(ChronoUnit.MILLIS));
        for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
        }
        insert.executeUpdate();
        return LicenceRows.documentNumber(row);
    }
}
