package org.onex.hub.ingest.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one department database quotes identifiers, read from the connection's own metadata (never guessed from a
 * name): PostgreSQL and H2 use double quotes, MariaDB and MySQL backticks (double quotes with ANSI_QUOTES), SQL
 * Server and Oracle double quotes, 达梦 DM double quotes. A quoted identifier is taken exactly as written, so a
 * Chinese, mixed-case or spaced name reads the same column the department's own system reads; an embedded quote
 * character is doubled, so no identifier can end the quoting early.
 *
 * @param product the database product name, for messages
 * @param quote   the identifier quote string
 */
public record SqlDialect(String product, String quote) {

    /** Double quotes: the SQL standard, and the fallback when a driver says it has no quote string. */
    static final SqlDialect STANDARD = new SqlDialect("SQL", "\"");

    public static SqlDialect of(DatabaseMetaData md) throws SQLException {
        String q = md.getIdentifierQuoteString();
        return new SqlDialect(md.getDatabaseProductName(), q == null || q.isBlank() ? "\"" : q.trim());
    }

    /** One identifier, quoted. */
    public String quote(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** A qualified name ({@code schema.table}), each part quoted on its own. */
    public String quote(List<String> parts) {
        return parts.stream().map(this::quote).collect(Collectors.joining("."));
    }
}
