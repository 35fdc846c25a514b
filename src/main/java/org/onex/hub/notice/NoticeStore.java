package org.onex.hub.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The copy notices and their receipts (V15). */
@Repository
public class NoticeStore {

    private static final String COLUMNS = "id, delivery_id, delivery_key, department, record_id, version, number,"
            + " title, short_code, issued_at, receipted_at, receipted_by, receipt_scan";

    private final JdbcTemplate jdbc;

    public NoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a notice whose PDF is written afterwards ({@link #setPdf}); returns its id. */
    long insert(long deliveryId, String deliveryKey, String department, long recordId, int version,
            String documentNumber, String title, String shortCode, String tokenSha256, Instant issuedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO hub_notice (delivery_id, delivery_key, department, record_id,"
                    + " version, number, title, pdf, short_code, token_sha256, issued_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    new String[] { "id" });
            ps.setLong(1, deliveryId);
            ps.setString(2, deliveryKey);
            ps.setString(3, department);
            ps.setLong(4, recordId);
            ps.setInt(5, version);
            ps.setString(6, truncate(documentNumber));
            ps.setString(7, truncate(title));
            ps.setBytes(8, new byte[0]);
            ps.setString(9, shortCode);
            ps.setString(10, tokenSha256);
            ps.setTimestamp(11, Timestamp.from(issuedAt));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void setPdf(long id, byte[] pdf) {
        jdbc.update("UPDATE hub_notice SET pdf = ? WHERE id = ?", pdf, id);
    }

    public Optional<Notice> find(long id) {
        return one("id = ?", id);
    }

    public Optional<Notice> byDeliveryKey(String key) {
        return one("delivery_key = ?", key);
    }

    public Optional<Notice> byShortCode(String code) {
        return one("short_code = ?", code);
    }

    public Optional<Notice> byTokenSha256(String sha) {
        return one("token_sha256 = ?", sha);
    }

    public Optional<byte[]> pdf(long id) {
        return jdbc.query("SELECT pdf FROM hub_notice WHERE id = ?", (rs, n) -> rs.getBytes(1), id).stream()
                .findFirst();
    }

    public boolean shortCodeTaken(String code) {
        return !jdbc.queryForList("SELECT 1 FROM hub_notice WHERE short_code = ?", Integer.class, code).isEmpty();
    }

    /** Records the receipt once; false if it was receipted already. */
    boolean receipt(long id, Instant at, String by, String scanSha256) {
        return jdbc.update("UPDATE hub_notice SET receipted_at = ?, receipted_by = ?, receipt_scan = ? WHERE id = ?"
                + " AND receipted_at IS NULL", Timestamp.from(at), truncate(by), scanSha256, id) == 1;
    }

    /** Notices newest first: of a unit (or all), only those not yet receipted if {@code open}. */
    public List<Notice> list(String department, boolean open, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hub_notice WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (department != null) {
            sql.append(" AND department = ?");
            args.add(department);
        }
        if (open) {
            sql.append(" AND receipted_at IS NULL");
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), NoticeStore::notice, args.toArray());
    }

    /** Notices issued before {@code before} and not receipted. */
    List<Notice> unreceiptedBefore(Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE receipted_at IS NULL AND issued_at < ?"
                + " ORDER BY id LIMIT ?", NoticeStore::notice, Timestamp.from(before), limit);
    }

    private Optional<Notice> one(String where, Object arg) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_notice WHERE " + where, NoticeStore::notice, arg).stream()
                .findFirst();
    }

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        Instant issued = rs.getTimestamp("issued_at").toInstant();
        Timestamp receipted = rs.getTimestamp("receipted_at");
        return new Notice(rs.getLong("id"), Notice.number(rs.getLong("id"), issued), rs.getLong("delivery_id"),
                rs.getString("delivery_key"), rs.getString("department"), rs.getLong("record_id"),
                rs.getInt("version"), rs.getString("number"), rs.getString("title"), rs.getString("short_code"),
                issued, receipted == null ? null : receipted.toInstant(), rs.getString("receipted_by"),
                rs.getString("receipt_scan"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 256 ? s : s.substring(0, 256);
    }
}
