package org.onex.hub.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of the store's list queries: optional equality filters (a null value filters
 * nothing) and a backwards page cursor on the id, with their arguments in order.
 */
final class Where {

    private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();

    /** {@code AND column = ?} when {@code value} is not null; {@code column} is a constant of the caller. */
    Where eq(String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
        return this;
    }

    /** A condition with one argument, when {@code value} is not null. */
    Where and(String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
        return this;
    }

    /** {@code SELECT * FROM table WHERE … [AND id < before] ORDER BY id DESC LIMIT limit}. */
    String newestFirst(String table, Long beforeId, int limit) {
        and("id < ?", beforeId);
        args.add(limit);
        return "SELECT * FROM " + table + sql + " ORDER BY id DESC LIMIT ?";
    }

    /** The clause itself, {@code " WHERE 1 = 1 AND …"}, for a query of the caller's own. */
    String sql() {
        return sql.toString();
    }

    Object[] args() {
        return args.toArray();
    }
}
