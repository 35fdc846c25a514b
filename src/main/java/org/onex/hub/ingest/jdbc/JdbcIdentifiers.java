package org.onex.hub.ingest.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the identifiers of a {@code jdbc-source} (table, cursorTime, cursorKey) against a department database's
 * own metadata and returns them as the database spells them. Used by the template when its route starts and by
 * {@code validate --connect}: one check, one set of messages. A name given in another case than the database's
 * (route files written {@code UPDATED_AT} for a PostgreSQL column {@code updated_at}) is found when it is the only
 * one differing by case only, so route files written before quoting keep working; an exact match always wins.
 */
public final class JdbcIdentifiers {

    private static final int LISTED = 40;
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
            "mysql", "performance_schema", "sys");

    private JdbcIdentifiers() {
    }

    /** One parameter naming something the database does not have; {@code reason} lists what it does have. */
    public record Mismatch(String parameter, String reason) {
    }

    /** The parameters name a table or column the database does not have. */
    public static final class UnknownIdentifierException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Mismatch> mismatches;

        UnknownIdentifierException(List<Mismatch> mismatches) {
            super(mismatches.stream().map(m -> "parameter " + m.parameter() + ": " + m.reason())
                    .collect(Collectors.joining("; ")));
            this.mismatches = List.copyOf(mismatches);
        }

        public List<Mismatch> mismatches() {
            return mismatches;
        }
    }

    /**
     * A source as the database spells it.
     *
     * @param dialect    how the database quotes identifiers
     * @param from       the quoted table (schema-qualified where it was, or where it is not in the current schema),
     *                   or the query in parentheses
     * @param timeColumn the cursor time column's real name
     * @param keyColumn  the cursor key column's real name
     * @param columns    every column of the table or query, in the database's order
     */
    public record SourceTable(SqlDialect dialect, String from, String timeColumn, String keyColumn,
            List<String> columns) {

        String time() {
            return dialect.quote(timeColumn);
        }

        String key() {
            return dialect.quote(keyColumn);
        }
    }

    /**
     * Resolves a table ({@code table}, possibly {@code schema.table}) or a query and its cursor columns.
     *
     * @throws UnknownIdentifierException when the table or a cursor column is not in the database
     * @throws SQLException               when the metadata cannot be read (the database is unreachable)
     */
    public static SourceTable resolve(Connection c, String table, String query, String timeColumn, String keyColumn)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        SqlDialect dialect = SqlDialect.of(md);
        String from;
        String owner;
        List<String> columns;
        if (query != null && !query.isBlank()) {
            from = "(" + query + ")";
            owner = "the query";
            columns = queryColumns(c, from);
        } else {
            Found found = findTable(c, md, Objects.requireNonNull(table, "table"));
            from = dialect.quote(found.parts());
            owner = "table '" + found.name() + "'";
            columns = tableColumns(md, found);
        }
        List<Mismatch> mismatches = new ArrayList<>();
        String time = column(columns, "cursorTime", timeColumn, owner, mismatches);
        String key = column(columns, "cursorKey", keyColumn, owner, mismatches);
        if (!mismatches.isEmpty()) {
            throw new UnknownIdentifierException(mismatches);
        }
        return new SourceTable(dialect, from, time, key, columns);
    }

    private record Found(String catalog, String schema, String name, List<String> parts) {
    }

    private static Found findTable(Connection c, DatabaseMetaData md, String table) throws SQLException {
        List<String> parts = JdbcFeedSpec.nameParts(table);
        String name = parts.get(parts.size() - 1);
        String qualifier = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        List<Found> all = tables(md, c.getCatalog());
        List<Found> candidates = all;
        if (qualifier != null) {
            // schema.table (PostgreSQL, H2, DM) or database.table (MariaDB/MySQL, whose databases are catalogs)
            candidates = all.stream().filter(t -> qualifier.equalsIgnoreCase(t.schema())).toList();
            if (candidates.isEmpty()) {
                candidates = tables(md, qualifier).stream().filter(t -> qualifier.equalsIgnoreCase(t.catalog()))
                        .toList();
            }
        }
        List<Found> named = best(candidates, Found::name, name);
        if (named.size() > 1) {
            String current = c.getSchema();
            List<Found> inCurrent = named.stream().filter(t -> Objects.equals(t.schema(), current)).toList();
            named = inCurrent.size() == 1 ? inCurrent : named;
        }
        if (named.size() > 1) {
            throw new UnknownIdentifierException(List.of(new Mismatch("table", "table '" + table + "' is in several"
                    + " schemas (" + named.stream().map(t -> t.schema() + "." + t.name()).collect(Collectors.joining(
                            ", ")) + "): write schema.table")));
        }
        if (named.isEmpty()) {
            String current = c.getSchema();
            List<String> known = (qualifier != null ? candidates : all).stream()
                    .map(t -> t.schema() == null || t.schema().equals(current) ? t.name() : t.schema() + "." + t.name())
                    .toList();
            throw new UnknownIdentifierException(List.of(new Mismatch("table", "table '" + table + "' is not in the "
                    + md.getDatabaseProductName() + " database '" + c.getCatalog() + "' (tables: " + list(known)
                    + ")")));
        }
        Found t = named.get(0);
        List<String> real;
        if (qualifier != null) {
            real = List.of(qualifier.equalsIgnoreCase(t.schema()) ? t.schema() : t.catalog(), t.name());
        } else if (t.schema() != null && !t.schema().equals(c.getSchema())) {
            real = List.of(t.schema(), t.name());
        } else {
            real = List.of(t.name());
        }
        return new Found(t.catalog(), t.schema(), t.name(), real);
    }

    private static List<Found> tables(DatabaseMetaData md, String catalog) throws SQLException {
        List<Found> out = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, null, null, null)) {
            while (rs.next()) {
                // tables and views (PostgreSQL lists indexes and sequences too), outside the system schemas
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                String schema = rs.getString("TABLE_SCHEM");
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.contains("SYSTEM")
                        && (schema == null || !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)))) {
                    out.add(new Found(rs.getString("TABLE_CAT"), schema, rs.getString("TABLE_NAME"), List.of()));
                }
            }
        }
        return out;
    }

    private static List<String> tableColumns(DatabaseMetaData md, Found t) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        // the name is a LIKE pattern (an underscore matches any character): keep the table's own columns only
        try (ResultSet rs = md.getColumns(t.catalog(), t.schema(), t.name(), null)) {
            while (rs.next()) {
                if (t.name().equals(rs.getString("TABLE_NAME"))) {
                    byPosition.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> queryColumns(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + from
                + " src WHERE 1 = 0")) {
            ResultSetMetaData rmd = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rmd.getColumnCount(); i++) {
                out.add(rmd.getColumnLabel(i));
            }
            return out;
        }
    }

    private static String column(List<String> columns, String parameter, String wanted, String owner,
            List<Mismatch> mismatches) {
        List<String> found = best(columns, s -> s, wanted);
        if (found.size() == 1) {
            return found.get(0);
        }
        mismatches.add(new Mismatch(parameter, found.isEmpty()
                ? "column '" + wanted + "' is not in " + owner + " (columns: " + list(columns) + ")"
                : "column '" + wanted + "' matches columns differing only in case (" + String.join(", ", found)
                        + "): write the name exactly"));
        return wanted;
    }

    /** The items named exactly {@code wanted}; if none, those named so ignoring case. */
    private static <T> List<T> best(List<T> items, Function<T, String> name, String wanted) {
        List<T> exact = items.stream().filter(i -> wanted.equals(name.apply(i))).toList();
        return exact.isEmpty() ? items.stream().filter(i -> wanted.equalsIgnoreCase(name.apply(i))).toList() : exact;
    }

    private static String list(List<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return "none";
        }
        return distinct.size() <= LISTED ? String.join(", ", distinct)
                : String.join(", ", distinct.subList(0, LISTED)) + ", … " + (distinct.size() - LISTED) + " more";
    }
}
