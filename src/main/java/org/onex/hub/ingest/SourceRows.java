package org.onex.hub.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.schema.HubDates;

/**
 * Turns JDBC values into plain values every source kind shares: department timestamps become local
 * date-times (the department's wall clock, read in the hub zone by the mappings), dates become
 * LocalDate, CLOBs become text. Column names are case-insensitive.
 */
public final class SourceRows {

    private SourceRows() {
    }

    public static Map<String, Object> read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), plain(rs.getObject(i)));
        }
        return row;
    }

    static Object plain(Object value) throws SQLException {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(HubDates.ZONE).toLocalDateTime();
        }
        if (value instanceof Clob c) {
            try (Reader r = c.getCharacterStream()) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) > 0;) {
                    sb.append(buf, 0, n);
                }
                return sb.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value;
    }

    public static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof LocalDateTime l) {
            return l;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(HubDates.ZONE).toLocalDateTime();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        throw new IllegalArgumentException("cursor time column holds " + (value == null ? "null"
                : value.getClass().getSimpleName() + " '" + value + "'") + ", expected a timestamp");
    }
}
