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
 * The yardstick: what a developer would write by hand to copy the source into the hub's tables, with
 * no mapping, no validation and no framework. It pages the source by keyset (UPDATED_AT, ID) in batches
 * and, per batch and in one store transaction, takes ids, inserts the hub_record rows, the
 * hub_record_version rows (envelope and source payload = the row as JSON, content hash = its SHA-256),
 * the outbox rows (one multi-row INSERT each) and saves the cursor.
 */
final class BaselineLoader {

    private static final String READ = "SELECT * FROM xk_licence WHERE UPDATED_AT >= ? AND (UPDATED_AT > ? OR ID > ?)"
            + " ORDER BY UPDATED_AT, ID LIMIT ?";
    private static final String IDS = "SELECT nextval(pg_get_serial_sequence('hub_record', 'id')),"
            + " nextval(pg_get_serial_sequence('hub_record_version', 'id')) FROM generate_series(1, ?)";
    private static final String RECORD = "INSERT INTO hub_record (id, department, feed, source_key, category,"
            + " record_type, status, current_version, current_version_id, content_hash, credit_code, document_number,"
            + " created_at, updated_at) VALUES ";
    private static final String VERSION = "INSERT INTO hub_record_version (id, record_id, version, content_hash,"
            + " department, feed, category, record_type, status, urgent, credit_code, decided_at, source_updated_at,"
            + " extracted_at, stored_at, envelope, source_payload) VALUES ";
    private static final String OUTBOX = "INSERT INTO hub_feed_outbox (version_id, sequenced, created_at) VALUES ";
    private static final String CURSOR = "INSERT INTO hub_watermark (department, feed, cursor_json, updated_at)"
            + " VALUES ('scjgj', 'licences', ?, ?) ON CONFLICT (department, feed) DO UPDATE"
            + " SET cursor_json = EXCLUDED.cursor_json, updated_at = EXCLUDED.updated_at";

    static long[] T=new long[5];
    private final int batchSize;

    BaselineLoader(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Copies every source row into the store; returns the number of records written. */
    long run(Connection source, Connection store) throws SQLException {
        store.setAutoCommit(false);
        Timestamp afterTime = Timestamp.valueOf("1900-01-01 00:00:00");
        long afterId = 0;
        long total = 0;
        try (PreparedStatement read = source.prepareStatement(READ)) {
            while (true) {
                read.setTimestamp(1, afterTime);
                read.setTimestamp(2, afterTime);
                read.setLong(3, afterId);
                read.setInt(4, batchSize);
                long t0=System.nanoTime(); List<Map<String, Object>> rows = readBatch(read); T[0]+=System.nanoTime()-t0;
                if (rows.isEmpty()) {System.out.println("read "+T[0]/1e6+" write "+T[1]/1e6+" ids "+T[2]/1e6+" bind "+T[3]/1e6+" exec "+T[4]/1e6);
                    return total;
                }
                Map<String, Object> last = rows.get(rows.size() - 1);
                afterTime = Timestamp.valueOf((java.time.LocalDateTime) last.get("updated_at"));
                afterId = (Long) last.get("id");
                long t1=System.nanoTime(); write(store, rows, "{\"time\":\"" + afterTime + "\",\"key\":" + afterId + "}");
                T[1]+=System.nanoTime()-t1; total += rows.size();
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
        T[2]+=0; long tb=System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement rec = store.prepareStatement(RECORD + values(n, 14));
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
                for (Object p : new Object[] { recordIds[i], "scjgj", "licences", key, "C2", "LICENCE", status, 1,
                        versionIds[i], hash, credit, key, now, now }) {
                    rec.setObject(r++, p);
                }
                Timestamp decided = Timestamp.from(((java.time.LocalDate) row.get("xk_jdrq"))
                        .atStartOfDay(HubDates.ZONE).toInstant());
                Timestamp updated = Timestamp.from(((java.time.LocalDateTime) row.get("updated_at"))
                        .atZone(HubDates.ZONE).toInstant());
                for (Object p : new Object[] { versionIds[i], recordIds[i], 1, hash, "scjgj", "licences", "C2",
                        "LICENCE", status, false, credit, decided, updated, now, now, json, json }) {
                    ver.setObject(v++, p);
                }
                for (Object p : new Object[] { versionIds[i], false, now }) {
                    out.setObject(o++, p);
                }
            }
            long te=System.nanoTime(); T[3]+=te-tb;
            rec.executeUpdate();
            ver.executeUpdate();
            out.executeUpdate();
        }
        try (PreparedStatement cur = store.prepareStatement(CURSOR)) {
            cur.setString(1, cursor);
            cur.setTimestamp(2, now);
            cur.executeUpdate();
        }
        store.commit(); T[4]+=System.nanoTime()-tb;
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
