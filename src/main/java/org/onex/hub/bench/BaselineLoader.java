package org.onex.hub.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;

/**
 * The yardstick: what a developer would write by hand to copy the source into the hub's tables, with no
 * mapping, no validation, no look-up of existing keys and no framework. It pages the source by keyset
 * (UPDATED_AT, ID) up to a commit delay before now and, per batch and in one store transaction, takes ids,
 * inserts the hub_record rows, the hub_record_version rows (source payload = the row as JSON, content hash =
 * its SHA-256, envelope = identity, classification and times wrapped around the row, about the size of the
 * hub's envelope) and the outbox rows (one multi-row INSERT each), and saves the cursor.
 */
final class BaselineLoader {

    private static final String READ = "SELECT * FROM %s WHERE UPDATED_AT >= ? AND (UPDATED_AT > ? OR ID > ?)"
            + " AND UPDATED_AT <= ? ORDER BY UPDATED_AT, ID LIMIT ?";
    private static final String IDS = "SELECT nextval(pg_get_serial_sequence('hub_record', 'id')),"
            + " nextval(pg_get_serial_sequence('hub_record_version', 'id')) FROM generate_series(1, ?)";
    private static final String RECORD = "INSERT INTO hub_record (id, department, feed, source_key, category,"
            + " record_type, status, current_version, content_hash, credit_code, document_number, created_at,"
            + " updated_at) VALUES ";
    private static final String VERSION = "INSERT INTO hub_record_version (id, record_id, version, content_hash,"
            + " department, feed, category, record_type, status, urgent, credit_code, decided_at, source_updated_at,"
            + " extracted_at, stored_at, envelope, source_payload) VALUES ";
    private static final String OUTBOX = "INSERT INTO hub_feed_outbox (record_id, version, created_at) VALUES ";
    private static final String CURSOR = "INSERT INTO hub_watermark (department, feed, cursor_json, updated_at)"
            + " VALUES ('scjgj', 'licences', ?, ?) ON CONFLICT (department, feed) DO UPDATE"
            + " SET cursor_json = EXCLUDED.cursor_json, updated_at = EXCLUDED.updated_at";

    private final int batchSize;
    private final String from;

    /** A loader of the source table {@code from}, {@code batchSize} rows a transaction. */
    BaselineLoader(int batchSize, String from) {
        this.batchSize = batchSize;
        this.from = from;
    }

    /** Copies every source row into the store; returns the number of records written. */
    long run(Connection source, Connection store) throws SQLException {
        store.setAutoCommit(false);
        Timestamp afterTime = Timestamp.valueOf("1900-01-01 00:00:00");
        long afterId = 0;
        long total = 0;
        try (PreparedStatement read = source.prepareStatement(READ.formatted(from))) {
            while (true) {
                read.setTimestamp(1, afterTime);
                read.setTimestamp(2, afterTime);
                read.setLong(3, afterId);
                // like the hub: leave rows younger than a commit delay (1 s) for later
                read.setTimestamp(4, Timestamp.valueOf(java.time.LocalDateTime.now(HubDates.ZONE).minusSeconds(1)));
                read.setInt(5, batchSize);
                List<Map<String, Object>> rows = readBatch(read);
                if (rows.isEmpty()) {
                    return total;
                }
                Map<String, Object> last = rows.get(rows.size() - 1);
                afterTime = Timestamp.valueOf((java.time.LocalDateTime) last.get("updated_at"));
                afterId = (Long) last.get("id");
                write(store, rows, "{\"time\":\"" + afterTime + "\",\"key\":" + afterId + "}");
                total += rows.size();
            }
        }
    }

    private static List<Map<String, Object>> readBatch(PreparedStatement read) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = read.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof Timestamp t) {
                        v = t.toLocalDateTime();
                    } else if (v instanceof Date d) {
                        v = d.toLocalDate();
                    }
                    row.put(md.getColumnLabel(i), v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void write(Connection store, List<Map<String, Object>> rows, String cursor) throws SQLException {
        int n = rows.size();
        long[] recordIds = new long[n];
        long[] versionIds = new long[n];
        try (PreparedStatement ids = store.prepareStatement(IDS)) {
            ids.setInt(1, n);
            try (ResultSet rs = ids.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    recordIds[i] = rs.getLong(1);
                    versionIds[i] = rs.getLong(2);
                }
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement rec = store.prepareStatement(RECORD + values(n, 13));
                PreparedStatement ver = store.prepareStatement(VERSION + values(n, 17));
                PreparedStatement out = store.prepareStatement(OUTBOX + values(n, 3))) {
            int r = 1;
            int v = 1;
            int o = 1;
            for (int i = 0; i < n; i++) {
                Map<String, Object> row = rows.get(i);
                String json = HubJson.write(row);
                String hash = sha256(json);
                String key = (String) row.get("xk_wsh");
                String status = "2".equals(row.get("xk_zt")) ? "REVOKED" : "VALID";
                String credit = (String) row.get("xk_xdr_shxym");
                String envelope = HubJson.write(Map.of("identity", Map.of("recordId", recordIds[i], "version", 1,
                        "contentHash", hash, "department", "scjgj", "feed", "licences", "sourceSystem",
                        "市场监管行政许可系统", "sourceKey", key), "category", "C2", "recordType", "LICENCE", "status", status,
                        "urgent", false, "times", Map.of("sourceUpdatedAt", row.get("updated_at"), "extractedAt",
                                now.toInstant(), "storedAt", now.toInstant()), "body", row));
                for (Object p : new Object[] { recordIds[i], "scjgj", "licences", key, "C2", "LICENCE", status, 1, hash,
                        credit, key, now, now }) {
                    rec.setObject(r++, p);
                }
                Timestamp decided = Timestamp.from(((java.time.LocalDate) row.get("xk_jdrq"))
                        .atStartOfDay(HubDates.ZONE).toInstant());
                Timestamp updated = Timestamp.from(((java.time.LocalDateTime) row.get("updated_at"))
                        .atZone(HubDates.ZONE).toInstant());
                for (Object p : new Object[] { versionIds[i], recordIds[i], 1, hash, "scjgj", "licences", "C2",
                        "LICENCE", status, false, credit, decided, updated, now, now, envelope, json }) {
                    ver.setObject(v++, p);
                }
                for (Object p : new Object[] { recordIds[i], 1, now }) {
                    out.setObject(o++, p);
                }
            }
            rec.executeUpdate();
            ver.executeUpdate();
            out.executeUpdate();
        }
        try (PreparedStatement cur = store.prepareStatement(CURSOR)) {
            cur.setString(1, cursor);
            cur.setTimestamp(2, now);
            cur.executeUpdate();
        }
        store.commit();
    }

    private static String values(int rows, int columns) {
        String one = "(" + String.join(",", java.util.Collections.nCopies(columns, "?")) + ")";
        return String.join(",", java.util.Collections.nCopies(rows, one));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
