package org.onex.hub.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import org.onex.hub.bench.LicenceRows;
import org.onex.hub.schema.HubDates;

/**
 * 市场监管局's licensing application committing new licences to its own table, {@value #ROWS} rows a transaction,
 * while the hub polls it with {@code jdbc-source}. A committed row is acknowledged (the department has done its
 * part); the hub must hold it in the end, once.
 */
final class JdbcLoad extends Load {

    static final int ROWS = 10;

    private final DepartmentSource source;
    private final LicenceRows rows;
    private long nextId;
    private Connection connection;
    private PreparedStatement insert;

    JdbcLoad(DepartmentSource source, long seed) {
        this.source = source;
        this.rows = new LicenceRows(seed);
    }

    @Override
    String scenario() {
        return "jdbc";
    }

    @Override
    String department() {
        return "scjgj";
    }

    @Override
    String feed() {
        return "licences";
    }

    @Override
    long periodMillis() {
        return 250;
    }

    @Override
    void step() throws SQLException {
        if (connection == null) {
            connection = source.connect();
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO xk_licence (" + String.join(", ", LicenceRows.COLUMNS)
                    + ") VALUES (" + String.join(",", Collections.nCopies(LicenceRows.COLUMNS.length, "?")) + ")");
        }
        String[] keys = new String[ROWS];
        LocalDateTime now = LocalDateTime.now(HubDates.ZONE).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < ROWS; i++) {
            Object[] row = rows.next(++nextId, now);
            for (int c = 0; c < row.length; c++) {
                insert.setObject(c + 1, row[c]);
            }
            insert.addBatch();
            keys[i] = LicenceRows.documentNumber(row);
        }
        insert.executeBatch();
        connection.commit();
        for (String k : keys) {
            acknowledge(k, 0);
        }
    }
}
