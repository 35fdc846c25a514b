package org.onex.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.flywaydb.core.Flyway;

/**
 * The two throw-away PostgreSQL databases of a run: a department source ({@value #SOURCE}) and a hub
 * store ({@value #STORE}). Created fresh (dropped first if a crashed run left them) through the
 * {@code postgres} maintenance database and dropped again at the end, so nothing of the user's is touched.
 */
final class BenchDatabases {

    static final String SOURCE = "hub_bench_source";
    static final String STORE = "hub_bench_store";

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

    /** A connection with the driver's default settings (seeding, baseline, the live inserts). */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, "");
    }

    /**
     * A connection for watching the hub: server-side prepared statements are off, so the monitoring queries
     * are planned for the tables as they are at each call and cost the same however the store has grown.
     */
    Connection monitor(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", "");
        props.setProperty("prepareThreshold", "0");
        return DriverManager.getConnection(url(database), props);
    }

    /** Server facts that explain the figures: version and whether autovacuum (and so auto-analyze) runs. */
    String serverFacts() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('autovacuum')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", autovacuum " + rs.getString(2);
        }
    }

    /**
     * Takes the benchmark's advisory lock on the maintenance database, waiting while another run holds it, and
     * returns the connection that holds it (closing it, or the process dying, releases the lock). Two runs at
     * once would drop each other's databases and share the machine, which spoils both runs' figures.
     */
    Connection lock() throws SQLException {
        Connection c = connect("postgres");
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(hashtext('onex-hub-benchmark'))")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return c;
                }
            }
            System.out.println("benchmark: another benchmark run is using " + SOURCE + "/" + STORE + " on " + host
                    + "; waiting for it to finish");
            s.execute("SELECT pg_advisory_lock(hashtext('onex-hub-benchmark'))");
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
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
     * Empties the store after the baseline: every table of the migration (records, versions, outbox, feed,
     * cursors, quarantine) but the Flyway history, and sets the counters (feed sequence …) back to 0.
     * Deliberately no ANALYZE: TRUNCATE leaves the tables as a fresh Flyway migration does (statistics
     * unknown), whereas statistics saying "empty" make PostgreSQL cache plans for empty tables.
     */
    void truncateStore() throws SQLException {
        try (Connection c = connect(STORE); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT IN ('flyway_schema_history', 'hub_counter')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY");
            s.execute("UPDATE hub_counter SET counter_value = 0");
        }
    }

    /** Analyzes the source after the bulk seed so that the planner knows its size. */
    void analyzeSource() throws SQLException {
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE xk_licence");
        }
    }
}
