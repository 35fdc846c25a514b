package org.onex.hub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.onex.hub.bench.LicenceRows;

/**
 * The departments' own database in PostgreSQL (a throw-away database of the run): 市场监管局's licence table
 * {@code xk_licence} (the national XK_* layout, read by {@code jdbc-source} scjgj/licences) and the bureau's case
 * system table {@code cf_penalty} (the CF_* layout, read by {@code jdbc-source} zhzf/penalties, whose decisions
 * the hub delivers). The hub reaches it through a {@link TcpRelay} that the database outage cuts; the loads
 * write to it directly, as the departments' own applications go on working while the hub cannot reach them.
 */
final class DepartmentSource {

    static final String PENALTY_DDL = "CREATE TABLE cf_penalty (ID BIGINT PRIMARY KEY, CF_WSH VARCHAR(100) NOT NULL"
            + " UNIQUE, CF_XDR_MC VARCHAR(200), CF_XDR_LB VARCHAR(2), CF_XDR_SHXYM VARCHAR(32), CF_XDR_ZJHM VARCHAR(32),"
            + " CF_FRDB VARCHAR(50), CF_FR_ZJLX VARCHAR(3), CF_FR_ZJHM VARCHAR(32), CF_WFXW VARCHAR(200),"
            + " CF_SY VARCHAR(2000), CF_YJ VARCHAR(1000), CF_CFLB VARCHAR(2), CF_NR VARCHAR(1000),"
            + " CF_NR_FK DECIMAL(12,2), CF_NR_WFFF DECIMAL(12,2), CF_NR_ZKDX VARCHAR(200), CF_JDRQ DATE,"
            + " CF_CFJG VARCHAR(200), CF_CFJGDM VARCHAR(32), CF_ZT VARCHAR(2), SXBM VARCHAR(40), XKBH VARCHAR(100),"
            + " UPDATED_AT TIMESTAMP(3) NOT NULL); CREATE INDEX ix_cf_penalty_cursor ON cf_penalty (UPDATED_AT, ID)";

    private final String host;
    private final String user;
    private final String database;

    DepartmentSource(FaultOptions options) {
        this.host = options.host();
        this.user = options.user();
        this.database = "hub_faults_source" + FaultOptions.databaseSuffix();
    }

    void create() throws SQLException {
        FaultDatabases.recreate(host, user, database);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(LicenceRows.DDL);
            s.execute(PENALTY_DDL);
        }
    }

    void drop() {
        FaultDatabases.dropQuietly(host, user, database);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + "/" + database, user, "");
    }

    /** The URL the hub uses: through the relay on {@code relayPort}. */
    String relayedUrl(int relayPort) {
        return "jdbc:postgresql://127.0.0.1:" + relayPort + "/" + database + "?connectTimeout=3&socketTimeout=30";
    }

    String targetHost() {
        return host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    }

    int targetPort() {
        return host.contains(":") ? Integer.parseInt(host.substring(host.indexOf(':') + 1)) : 5432;
    }

    String user() {
        return user;
    }
}
