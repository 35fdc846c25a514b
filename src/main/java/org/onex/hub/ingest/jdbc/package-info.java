/**
 * JDBC source kind: the {@code jdbc-source} route template that department route files instantiate,
 * polling a department's (read-only) database with a composite (update time, key) cursor, a commit
 * delay and a look-back sweep for rows committed late with an older timestamp.
 */
package org.onex.hub.ingest.jdbc;
