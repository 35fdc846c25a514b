package org.onex.hub.ingest.jdbc;

import java.time.Duration;
import java.util.List;

/**
 * Parameters of one instance of the {@code jdbc-source} template, checked when the route is created.
 *
 * @param department   department code (config/departments.yaml)
 * @param feed         feed id (mappings/&lt;department&gt;/&lt;feed&gt;.yaml)
 * @param dataSource   name of a department data source (hub.datasources.&lt;name&gt;)
 * @param from         table name as written ({@code schema.table} allowed), or a SELECT in parentheses to read from
 * @param timeColumn   update-time column of the composite cursor, as written in the route file
 * @param keyColumn    key column of the composite cursor (unique together with the time), as written
 * @param batchSize    rows per batch and transaction
 * @param commitDelay  rows newer than source-now minus this are left for the next poll
 * @param lookback     how far behind the cursor a sweep re-reads, for rows committed late with an older time
 * @param sweepEvery   how often a sweep runs once the cursor has caught up
 * @param maxBatches   batches read in one poll before giving the timer (and a shutdown) a turn
 */
public record JdbcFeedSpec(String department, String feed, String dataSource, String from, String timeColumn,
        String keyColumn, int batchSize, Duration commitDelay, Duration lookback, Duration sweepEvery, int maxBatches) {

    public JdbcFeedSpec {
        // Any identifier a department uses (Chinese, mixed case, spaces) is allowed: the SQL quotes every name
        // (SqlDialect), and the route's start checks it against the database (JdbcIdentifiers).
        require(identifier(timeColumn), "cursorTime '" + timeColumn + "' is not a column name");
        require(identifier(keyColumn), "cursorKey '" + keyColumn + "' is not a column name");
        require(batchSize > 0 && batchSize <= 10_000, "batchSize must be 1..10000, got " + batchSize);
        require(!commitDelay.isNegative(), "commitDelay must not be negative");
        require(!lookback.isNegative(), "lookback must not be negative");
        require(maxBatches > 0, "maxBatchesPerPoll must be positive, got " + maxBatches);
    }

    /** Builds the spec from template parameters: exactly one of {@code table} and {@code query}. */
    public static JdbcFeedSpec of(String department, String feed, String dataSource, String table, String query,
            String timeColumn, String keyColumn, int batchSize, Duration commitDelay, Duration lookback,
            Duration sweepEvery, int maxBatches) {
        boolean hasTable = table != null && !table.isBlank();
        boolean hasQuery = query != null && !query.isBlank();
        require(hasTable != hasQuery, department + "-" + feed + ": give exactly one of the parameters table and query");
        if (hasTable) {
            require(!table.startsWith("(") && nameParts(table).stream().allMatch(JdbcFeedSpec::identifier),
                    "table '" + table + "' is not a table name");
        }
        String from = hasTable ? table : "(" + query + ")";
        return new JdbcFeedSpec(department, feed, dataSource, from, timeColumn, keyColumn, batchSize, commitDelay,
                lookback, sweepEvery, maxBatches);
    }

    /** The table, or null when the feed reads a query. */
    String table() {
        return from.startsWith("(") ? null : from;
    }

    /** The query, or null when the feed reads a table. */
    String query() {
        return from.startsWith("(") ? from.substring(1, from.length() - 1) : null;
    }

    /** The parts of a possibly qualified table name: {@code scjgj.许可信息} → [scjgj, 许可信息]. */
    static List<String> nameParts(String table) {
        return List.of(table.split("\\.", -1));
    }

    /** A name the database could have: not blank, no control characters, no space at either end. */
    private static boolean identifier(String name) {
        return name != null && !name.isBlank() && name.strip().equals(name)
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    /** How rows of this feed are named in quarantine references. */
    String sourceName() {
        return from.startsWith("(") ? department + "/" + feed + " query" : from;
    }

    /** Keyset page of the source as the database spells it: rows after (time, key) up to a time, in cursor order. */
    String pageSql(boolean withKey, JdbcIdentifiers.SourceTable source) {
        String time = source.time();
        String key = source.key();
        // "time >= t AND (time > t OR key > k)" is the composite "(time, key) > (t, k)" written so that every
        // database can start an index range scan at t instead of reading the table from the beginning.
        String after = withKey ? time + " >= ? AND (" + time + " > ? OR " + key + " > ?)" : time + " >= ?";
        return "SELECT * FROM " + source.from() + " src WHERE " + after + " AND " + time + " <= ? ORDER BY " + time
                + ", " + key + " LIMIT " + batchSize;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
