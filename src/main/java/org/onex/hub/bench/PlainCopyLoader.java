package org.onex.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-copy arm (issue 18 item 1): what a county IT team's own copy job does — the source table streamed with
 * a server-side cursor (fetch {@link #FETCH}) into a plain table of the same columns in the store database, batched
 * inserts of {@link #BATCH} rows with {@code reWriteBatchedInserts}, a commit per batch. No keys looked up, no
 * versions, no feed: the fastest honest copy, the yardstick the hub is measured against next to the baseline loop.
 */
final class PlainCopyLoader {

    static final int FETCH = 5_000;
    static final int BATCH = 2_000;
    static final String TABLE = "bench_plain_copy";

    private final String from;

    /** A copy of the source table {@code from}. */
    PlainCopyLoader(String from) {
        this.from = from;
    }

    /** Copies the source table into {@link #TABLE} (created fresh); the number of rows copied. */
    long run(Connection source, Connection store) throws SQLException {
        source.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        store.setAutoCommit(false);
        long total = 0;
        try (Statement read = source.createStatement()) {
            read.setFetchSize(FETCH);
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + from)) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                List<String> names = new ArrayList<>();
                List<String> ddl = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    names.add(meta.getColumnName(i));
                    ddl.add(meta.getColumnName(i) + " " + type(meta, i));
                }
                try (Statement s = store.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + TABLE);
                    s.execute("CREATE TABLE " + TABLE + " (" + String.join(", ", ddl) + ")");
                }
                store.commit();
                String insert = "INSERT INTO " + TABLE + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
                try (PreparedStatement write = store.prepareStatement(insert)) {
                    int inBatch = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            write.setObject(i, rs.getObject(i));
                        }
                        write.addBatch();
                        total++;
                        if (++inBatch == BATCH) {
                            write.executeBatch();
                            store.commit();
                            inBatch = 0;
                        }
                    }
                    if (inBatch > 0) {
                        write.executeBatch();
                        store.commit();
                    }
                }
            }
        }
        source.commit();
        return total;
    }

    private static String type(ResultSetMetaData meta, int i) throws SQLException {
        String name = meta.getColumnTypeName(i);
        return switch (name) {
        case "varchar", "bpchar" -> name + "(" + meta.getPrecision(i) + ")";
        case "numeric" -> meta.getPrecision(i) > 0 ? "numeric(" + meta.getPrecision(i) + "," + meta.getScale(i) + ")"
                : "numeric";
        case "serial", "bigserial" -> name.equals("serial") ? "integer" : "bigint";
        default -> name;
        };
    }
}
