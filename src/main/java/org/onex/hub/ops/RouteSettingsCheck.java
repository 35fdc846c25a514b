package org.onex.hub.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.connect.DepartmentDataSources.Definition;
import org.onex.hub.connect.SftpOptions;
import org.onex.hub.delivery.DeliveryTemplates;
import org.onex.hub.ingest.jdbc.JdbcIdentifiers;
import org.onex.hub.ingest.jdbc.JdbcSourceTemplate;

/**
 * The {@code validate} checks of a route entry against the settings ({@link HubSettings}): every data source, SFTP
 * server, inbox and other setting a parameter names is defined; with {@code --connect}, the table and cursor columns
 * of a {@code jdbc-source} exist in the live department database, checked by the same code that checks them when
 * the route starts ({@link JdbcIdentifiers}) over a read-only connection.
 */
final class RouteSettingsCheck implements AutoCloseable {

    private final HubSettings settings;
    private final boolean connect;
    private final List<Problem> problems;
    /** One connection per data source for the run; null when it could not be opened (reported once). */
    private final Map<String, Connection> connections = new HashMap<>();

    /** @param settings the settings, or null when they could not be read (nothing is checked then) */
    RouteSettingsCheck(HubSettings settings, boolean connect, List<Problem> problems) {
        this.settings = settings;
        this.connect = connect;
        this.problems = problems;
    }

    void check(YamlDocument doc, String template, Map<String, String> values, Map<String, String> pointers) {
        if (settings == null) {
            return;
        }
        values.forEach((name, value) -> settings.unresolved(value).ifPresent(reason -> problems.add(doc.problem(
                pointers.get(name) + "/value", reason))));
        String server = values.get("server");
        if (server != null && !server.contains("{{")) {
            settings.unresolved("{{" + SftpOptions.SERVERS + "." + server + ".host}}").ifPresent(reason -> problems
                    .add(doc.problem(pointers.get("server") + "/value", reason)));
        }
        String dataSource = values.get("dataSource");
        boolean usesDataSource = template.equals(JdbcSourceTemplate.ID) || template.equals(DeliveryTemplates.JDBC);
        if (!usesDataSource || dataSource == null || dataSource.contains("{{")) {
            return;
        }
        Definition definition = settings.datasources().get(dataSource);
        String at = pointers.get("dataSource") + "/value";
        if (definition == null) {
            problems.add(doc.problem(at, HubSettings.undefined("data source", dataSource, "hub.datasources",
                    settings.datasources())));
        } else if (definition.url() == null || definition.url().isBlank() || definition.url().contains("${")) {
            // what a start would do with it: fail to connect on every poll
            problems.add(doc.problem(at, "data source '" + dataSource + "' has no url: hub.datasources."
                    + dataSource + ".url is " + (definition.url() == null || definition.url().isBlank() ? "empty"
                            : "'" + definition.url() + "' (an environment variable that is not set)")));
        } else if (connect && template.equals(JdbcSourceTemplate.ID) && !definition.url().startsWith("jdbc:h2:mem:")) {
            // an in-memory H2 database (the demo) exists only inside the running hub: nothing to connect to here
            identifiers(doc, dataSource, definition, values, pointers);
        }
    }

    private void identifiers(YamlDocument doc, String dataSource, Definition definition, Map<String, String> values,
            Map<String, String> pointers) {
        String table = values.get("table");
        String query = values.get("query");
        String time = values.get("cursorTime");
        String key = values.get("cursorKey");
        boolean given = (table != null) != (query != null) && time != null && key != null;
        if (!given || values.values().stream().anyMatch(v -> v.contains("{{"))) {
            return; // already reported, or only the running hub can resolve it
        }
        Connection c = connection(doc, dataSource, definition, pointers.get("dataSource"));
        if (c == null) {
            return;
        }
        try {
            JdbcIdentifiers.resolve(c, table, query, time, key);
        } catch (JdbcIdentifiers.UnknownIdentifierException e) {
            e.mismatches().forEach(m -> problems.add(doc.problem(pointers.getOrDefault(m.parameter(),
                    pointers.get(table != null ? "table" : "query")) + "/value", m.reason())));
        } catch (SQLException e) {
            problems.add(doc.problem(pointers.get(table != null ? "table" : "query") + "/value", "cannot read"
                    + " the metadata of data source '" + dataSource + "': " + e.getMessage()));
        }
    }

    private Connection connection(YamlDocument doc, String name, Definition d, String pointer) {
        if (connections.containsKey(name)) {
            return connections.get(name);
        }
        Connection c = null;
        try {
            DriverManager.setLoginTimeout(10);
            c = DriverManager.getConnection(d.url(), d.username(), d.password());
            c.setReadOnly(true); // the hub only ever reads a department database (DESIGN.md)
        } catch (SQLException | RuntimeException e) {
            c = null;
            problems.add(doc.problem(pointer + "/value", "cannot connect to data source '" + name + "' ("
                    + withoutQuery(d.url()) + "): " + e.getMessage()));
        }
        connections.put(name, c);
        return c;
    }

    /** A JDBC URL without its parameters, which may carry a password. */
    private static String withoutQuery(String url) {
        if (url == null) {
            return "no url";
        }
        int q = url.indexOf('?');
        int semi = url.indexOf(';');
        int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
        return cut < 0 ? url : url.substring(0, cut);
    }

    @Override
    public void close() {
        connections.values().forEach(c -> {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing a read-only connection at the end of a check: nothing to do
                }
            }
        });
    }
}
