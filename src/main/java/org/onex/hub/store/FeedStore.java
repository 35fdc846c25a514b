package org.onex.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read side of the unified feed: sequenced record versions and single records with their history. */
@Repository
public class FeedStore {

    static final String COLUMNS = "f.seq, v.record_id, v.version, v.id, v.category, v.record_type,"
            + " v.department, v.envelope";

    private final JdbcTemplate jdbc;

    public FeedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Versions after {@code afterSeq} in feed order that match the filter, each envelope as the UTF-8 bytes the
     * driver received (both drivers the hub supports give a text column's bytes as they are).
     */
    public List<FeedRow> page(FeedFilter f, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hub_feed f JOIN hub_record_version v"
                + " ON v.id = f.version_id WHERE f.seq > ?");
        List<Object> args = new ArrayList<>(List.of(afterSeq));
        eq(sql, args, "v.category", f.category());
        eq(sql, args, "v.record_type", f.recordType());
        eq(sql, args, "v.department", f.department());
        eq(sql, args, "v.credit_code", f.creditCode());
        range(sql, args, "v.decided_at", f.decidedFrom(), f.decidedTo());
        range(sql, args, "v.stored_at", f.storedFrom(), f.storedTo());
        sql.append(" ORDER BY f.seq LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new FeedRow(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8)), args.toArray());
    }

    /** The newest {@code limit} versions a department stored, newest first (the console's recent records). */
    public List<FeedItem> latest(String department, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_feed f JOIN hub_record_version v ON v.id = f.version_id"
                + " WHERE v.department = ? ORDER BY f.seq DESC LIMIT ?", FeedStore::item, department, limit);
    }

    /** All sequenced and unsequenced versions of a record, oldest first. */
    public List<FeedItem> versions(long recordId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hub_record_version v LEFT JOIN hub_feed f ON f.version_id = v.id"
                + " WHERE v.record_id = ? ORDER BY v.version",
                FeedStore::item, recordId);
    }

    public Optional<Long> findRecordId(String department, String feed, String sourceKey) {
        return jdbc.query("SELECT id FROM hub_record WHERE department = ? AND feed = ? AND source_key = ?",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(), department, feed, sourceKey);
    }

    public long highestSeq() {
        Long n = jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'feed_seq'", Long.class);
        return n == null ? 0 : n;
    }

    static FeedItem item(ResultSet rs, int row) throws SQLException {
        return new FeedItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void range(StringBuilder sql, List<Object> args, String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < ?");
            args.add(Timestamp.from(to));
        }
    }
}
