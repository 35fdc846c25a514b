/**
 * JDBC source kind: the {@code jdbc-source} route template that department route files instantiate,
 * polling a department's (read-only) database with a composite (update time, key) cursor, a commit
 * delay and a look-back sweep for rows committed late with an older timestamp. Table and column names are any the
 * department uses: quoted per database ({@link org.onex.hub.ingest.jdbc.SqlDialect}) and checked against its
 * metadata when the route starts ({@link org.onex.hub.ingest.jdbc.JdbcIdentifiers}, also used by
 * {@code validate --connect}).
 */
package org.onex.hub.ingest.jdbc;
