package org.onex.hub.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Source cursors, one per department feed, stored as JSON owned by the source kind. Saved in the same
 * transaction as the records the cursor covers (DESIGN.md: the watermark moves with the data).
 */
@Repository
public class WatermarkStore {

    private final JdbcTemplate jdbc;

    public WatermarkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> load(String department, String feed) {
        return jdbc.query("SELECT cursor_json FROM hub_watermark WHERE department = ? AND feed = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), department, feed);
    }

    public void save(String department, String feed, String cursorJson, Instant now) {
        Timestamp ts = Timestamp.from(now);
        int updated = jdbc.update("UPDATE hub_watermark SET cursor_json = ?, updated_at = ? WHERE department = ? AND feed = ?",
                cursorJson, ts, department, feed);
        if (updated == 0) {
            // Two nodes inserting at once collide on the primary key; the loser's transaction rolls back
            // and its batch is retried, which the idempotent record store absorbs.
            jdbc.update("INSERT INTO hub_watermark (department, feed, cursor_json, updated_at) VALUES (?, ?, ?, ?)",
                    department, feed, cursorJson, ts);
        }
    }

    public Optional<Instant> updatedAt(String department, String feed) {
        return jdbc.query("SELECT updated_at FROM hub_watermark WHERE department = ? AND feed = ?",
                rs -> rs.next() ? Optional.ofNullable(Columns.instant(rs.getTimestamp(1))) : Optional.<Instant>empty(),
                department, feed);
    }

    /** Records that a department feed delivered rows now (source freshness); once per batch. */
    public void touchActivity(String department, String feed, Instant now) {
        Timestamp ts = Timestamp.from(now);
        if (jdbc.update("UPDATE hub_feed_activity SET last_rows_at = ? WHERE department = ? AND feed = ?", ts,
                department, feed) == 0) {
            try {
                jdbc.update("INSERT INTO hub_feed_activity (department, feed, last_rows_at) VALUES (?,?,?)",
                        department, feed, ts);
            } catch (DuplicateKeyException e) {
                jdbc.update("UPDATE hub_feed_activity SET last_rows_at = ? WHERE department = ? AND feed = ?", ts,
                        department, feed);
            }
        }
    }

    /** When a department feed last delivered rows, if ever. */
    public Optional<Instant> lastRowsAt(String department, String feed) {
        return jdbc.query("SELECT last_rows_at FROM hub_feed_activity WHERE department = ? AND feed = ?",
                (rs, i) -> Columns.instant(rs.getTimestamp(1)), department, feed).stream().findFirst();
    }

}
