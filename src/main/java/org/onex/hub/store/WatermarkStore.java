package org.onex.hub.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

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
}
