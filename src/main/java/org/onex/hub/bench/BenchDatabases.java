package org.onex.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;

/**
 * The two throw-away PostgreSQL databases of a run: a department source ({@value #SOURCE}) and a hub
 * store ({@value #STORE}). Created fresh (dropped first if a crashed run left them) through the
 * {@code postgres} maintenance database and dropped again at the end, so nothing of the user's is touched.
 */
final class BenchDatabases {

    static final String SOURCE = "hub_bench_source";
    static final String STORE = "hub_bench_store";

    /** Store tables emptied between the baseline and the hub run, children first. */
    private static final String STORE_TABLES = "hub_record_version, hub_feed_outbox, hub_record, hub_watermark,"
            + " hub_quarantine_failure, hub_quarantine";

    private final String host;
    private final String user;

    BenchDatabases(String host, String user) {
        this.host = host;
        this.user = user;
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + "/" + database;
    }

    String user() {
        return user;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, "");
    }

    /** Drops (if present) and creates both databases. */
    void recreate() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            for (String db : new String[] { SOURCE, STORE }) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + db + " ENCODING 'UTF8'");
            }
        }
    }

    /** Drops both databases; never throws, so that it can run in a finally block. */
    void dropQuietly() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            for (String db : new String[] { SOURCE, STORE }) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("benchmark: could not drop " + SOURCE + "/" + STORE + ": " + e.getMessage());
        }
    }

    /** Applies the hub's own migrations (classpath:db/migration) to the store. */
    void migrateStore() {
        Flyway.configure().dataSource(url(STORE), user, "").locations("classpath:db/migration").load().migrate();
    }

    /**
     * Empties the store after the baseline: records, versions, outbox, cursors, quarantine, feed counter.
     * Deliberately no ANALYZE: TRUNCATE leaves the tables as a fresh Flyway migration does (statistics
     * unknown), whereas statistics saying "empty" make PostgreSQL cache plans for empty tables.
     */
    void truncateStore() throws SQLException {
        try (Connection c = connect(STORE); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + STORE_TABLES + " RESTART IDENTITY");
            s.execute("UPDATE hub_counter SET counter_value = 0 WHERE name = 'feed_seq'");
        }
    }

    /** Analyzes the source after the bulk seed so that the planner knows its size. */
    void analyzeSource() throws SQLException {
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE xk_licence");
        }
    }
}
