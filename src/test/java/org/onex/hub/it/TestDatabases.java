package org.onex.hub.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real database servers of the test machine (README "Tests"): PostgreSQL on 127.0.0.1:5432 with
 * trust auth and MariaDB on 127.0.0.1:3306 as root with an empty password. Each test class gets its own
 * fresh databases so runs never see each other's rows.
 */
public final class TestDatabases {

    public static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabases() {
    }

    /** Drops and creates a PostgreSQL database; returns its JDBC URL. */
    public static String freshPostgres(String database) {
        String name = database + suffix();
        exec(PG + "postgres", "postgres", "", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                "CREATE DATABASE " + name);
        return PG + name;
    }

    /** Drops and creates a MariaDB database; returns its JDBC URL. */
    public static String freshMariaDb(String database) {
        String name = database + suffix();
        exec(MARIADB, "root", "", "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return MARIADB + name;
    }

    /**
     * {@code HUB_TEST_DB_SUFFIX} (letters, digits, underscore) keeps the databases of two checkouts testing on
     * one machine at once apart; empty by default.
     */
    private static String suffix() {
        String s = System.getenv().getOrDefault("HUB_TEST_DB_SUFFIX", "");
        if (!s.matches("[A-Za-z0-9_]*")) {
            throw new IllegalStateException("HUB_TEST_DB_SUFFIX must be letters, digits and underscores: " + s);
        }
        return s;
    }

    public static void exec(String url, String user, String password, String... statements) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements) + " on " + url, e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
