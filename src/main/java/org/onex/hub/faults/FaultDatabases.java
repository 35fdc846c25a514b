package org.onex.hub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creating and dropping the run's throw-away PostgreSQL databases through the maintenance database. */
final class FaultDatabases {

    private FaultDatabases() {
    }

    static void recreate(String host, String user, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        }
    }

    /** Never throws, so that it can run in a finally block. */
    static void dropQuietly(String host, String user, String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("faults: could not drop " + database + ": " + e.getMessage());
        }
    }
}
