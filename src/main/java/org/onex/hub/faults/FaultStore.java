package org.onex.hub.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hub store of one run: the embedded default (an H2 file under the run's folder, with the URL that
 * application.yaml ships, so that what is tested is what ships) or a fresh PostgreSQL database. The command reads
 * it directly only while the hub is down (an H2 file is locked by the process that opened it).
 */
final class FaultStore {

    private final String kind;
    private final Path work;
    private final String host;
    private final String user;
    private final String database;

    FaultStore(String kind, Path work, FaultOptions options) {
        this.kind = kind;
        this.work = work;
        this.host = options.host();
        this.user = options.user();
        this.database = "hub_faults_store" + FaultOptions.databaseSuffix();
    }

    String kind() {
        return kind;
    }

    boolean postgres() {
        return "postgres".equals(kind);
    }

    /** Creates the PostgreSQL database afresh (dropping a crashed run's); nothing for H2 (the folder is new). */
    void create() throws SQLException {
        if (postgres()) {
            FaultDatabases.recreate(host, user, database);
        }
    }

    void drop() {
        if (postgres()) {
            FaultDatabases.dropQuietly(host, user, database);
        }
    }

    String url() {
        return postgres() ? "jdbc:postgresql://" + host + "/" + database
                : "jdbc:h2:file:" + work.resolve("hub-store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                        + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    String user() {
        return postgres() ? user : "sa";
    }

    /** The hub's settings for this store (none for H2: its data directory is the run's folder). */
    Map<String, String> settings() {
        Map<String, String> p = new LinkedHashMap<>();
        if (postgres()) {
            p.put("spring.datasource.url", url());
            p.put("spring.datasource.username", user);
            p.put("spring.datasource.password", "");
        }
        return p;
    }

    /** A connection for reading back; only while the hub is down for H2. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /**
     * H2 only, with the hub down: rewrites the file to hold only its live data ({@code SHUTDOWN COMPACT}) and
     * returns the new size in MiB, which tells how much of the file the data fills. -1 on PostgreSQL or a failure.
     */
    double compactedMib() {
        if (postgres()) {
            return -1;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            return -1;
        }
        return sizeMib();
    }

    /** The store's size in MiB: the H2 file, or pg_database_size. */
    double sizeMib() {
        try {
            if (postgres()) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, "");
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT pg_database_size('" + database + "')")) {
                    rs.next();
                    return rs.getLong(1) / (1024.0 * 1024.0);
                }
            }
            Path file = work.resolve("hub-store.mv.db");
            return Files.exists(file) ? Files.size(file) / (1024.0 * 1024.0) : 0;
        } catch (SQLException | IOException e) {
            return -1;
        }
    }
}
