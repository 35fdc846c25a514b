package org.onex.hub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.HubRecord;
import org.springframework.jdbc.support.KeyHolder;

/** Small JDBC helpers shared by the store's repositories. */
final class Columns {

    private Columns() {
    }

    static String creditCode(HubRecord r) {
        return r.subject() == null ? null : r.subject().creditCode();
    }

    static String documentNumber(HubRecord r) {
        return r.document() == null ? null : r.document().number();
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** Generated ids in insertion order, whatever the driver names the key column. */
    static List<Long> ids(KeyHolder keys) {
        return keys.getKeyList().stream().map(Columns::firstNumber).toList();
    }

    private static Long firstNumber(Map<String, Object> row) {
        Object v = row.size() == 1 ? row.values().iterator().next()
                : row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id")).findFirst()
                        .map(Map.Entry::getValue).orElseThrow();
        return ((Number) v).longValue();
    }
}
