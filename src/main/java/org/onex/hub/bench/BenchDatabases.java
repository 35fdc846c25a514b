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
 * The two throw-away PostgreSQL databases of a run: a department source ({@code <prefix>_source}) and a hub
 * store ({@code <prefix>_store}), {@value #DEFAULT_PREFIX}_source and {@value #DEFAULT_PREFIX}_store unless
 * {@code --db-prefix} says otherwise. Created fresh (dropped first if a crashed run left them) through the
 * {@code postgres} maintenance database and dropped again at the end, so nothing of the user's is touched.
 */
final class BenchDatabases {

    static final String DEFAULT_PREFIX = "hub_bench";
    /** The advisory lock of runs with the default prefix: the key every earlier version of the command took. */
    private static final String DEFAULT_LOCK = "onex-hub-benchmark";

    private final String host;
    private final String user;
    private final String prefix;

    BenchDatabases(String host, String user, String prefix) {
        this.host = host;
        this.user = user;
        this.prefix = prefix;
    }

    /** The department source database. */
    String source() {
        return prefix + "_source";
    }

    /** The hub store database. */
    String store() {
        return prefix + "_store";
    }

    /**
     * The advisory lock's key: runs with the same prefix exclude each other; runs with different prefixes
     * (two people benchmarking on one server) do not share databases, so they need not wait for each other.
     */
    private String lockKey() {
        return DEFAULT_PREFIX.equals(prefix) ? DEFAULT_LOCK : DEFAULT_LOCK + ":" + prefix;
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
            try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(hashtext('" + lockKey() + "'))")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return c;
                }
            }
            System.out.println("benchmark: another benchmark run is using " + source() + "/" + store() + " on " + host
                    + "; waiting for it to finish");
            s.execute("SELECT pg_advisory_lock(hashtext('" + lockKey() + "'))");
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Drops (if present) and creates both databases. */
    void recreate() throws SQLException {
        recreate(source(), store());
    }

    /**
     * Drops and creates the store alone, so that the next hub migrates it from scratch: unlike
     * {@link #truncateStore()}, it keeps the rows the migrations insert (the audit chain's head among them).
     */
    void recreateStore() throws SQLException {
        recreate(store());
    }

    private void recreate(String... databases) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + db + " ENCODING 'UTF8'");
            }
        }
    }

    /** Drops both databases; never throws, so that it can run in a finally block. */
    void dropQuietly() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            for (String db : new String[] { source(), store() }) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("benchmark: could not drop " + source() + "/" + store() + ": " + e.getMessage());
        }
    }

    /**
     * Applies the hub's own migrations to the store, both locations as the hub runs them on PostgreSQL: the baseline
     * loop writes into the same tables and indexes as the hub after it.
     */
    void migrateStore() {
        Flyway.configure().dataSource(url(store()), user, "")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
    }

    /**
     * Empties the store after the baseline: every table of the migration (records, versions, outbox, feed,
     * cursors, quarantine) but the Flyway history, and sets the counters (feed sequence …) back to 0.
     * Deliberately no ANALYZE: TRUNCATE leaves the tables as a fresh Flyway migration does (statistics
     * unknown), whereas statistics saying "empty" make PostgreSQL cache plans for empty tables.
     */
    void truncateStore() throws SQLException {
        try (Connection c = connect(store()); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT IN ('flyway_schema_history', 'hub_counter')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY");
            s.execute("UPDATE hub_counter SET counter_value = 0");
            // the audit chain's genesis row, as V5 inserts it: without it the hub's audit anchoring fails
            s.execute("INSERT INTO hub_audit_head (id, last_seq, last_hash, anchor_seq, anchor_hash) VALUES (1, 0, '"
                    + "0".repeat(64) + "', 0, '" + "0".repeat(64) + "')");
        }
    }

    /** Analyzes the source's tables after the bulk seed so that the planner knows their size. */
    void analyzeSource(String... tables) throws SQLException {
        try (Connection c = connect(source()); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE " + String.join(", ", tables));
        }
    }
}
