package org.onex.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The file ledger: every file a department dropped and the hub picked up. A file is identified
 * by its content: department, feed and SHA-256 ({@link #contentKey}; an ordinary {@code sftp put}
 * of the same export gives it a new modification time, and a re-send often a new name). The ledger row of
 * an ingested file is written in the same transaction as the file's records, so it is the file source's
 * watermark: after a crash either both are there or neither.
 */
@Repository
public class FileLedger {

    private final JdbcTemplate jdbc;

    public FileLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The identity of a file's content in one department feed: hex SHA-256 over department, feed and content hash. */
    public static String contentKey(String department, String feed, String sha256) {
        return QuarantineStore.sha256(String.join("\n", "content", department, feed, sha256));
    }

    /**
     * The first ingestion of these bytes in this department feed, if any (also files ingested before the ledger
     * keyed by content, whose ingest_key still holds their name and time).
     */
    public Optional<FileEntry> findIngested(String department, String feed, String sha256) {
        return jdbc.query("SELECT * FROM hub_file WHERE sha256 = ? AND department = ? AND feed = ? AND status = ?"
                + " ORDER BY id LIMIT 1", FileLedger::entry, sha256, department, feed, FileEntry.INGESTED).stream()
                .findFirst();
    }

    /**
     * Claims a file for ingestion inside the caller's transaction. A second node claiming the same file
     * blocks on the unique key until the first commits, then fails with a duplicate-key error and rolls
     * back, so a file is ingested once however many nodes see it.
     */
    public long claim(String department, String feed, String name, long size, Instant modifiedAt, String sha256,
            Instant now) {
        return insert(department, feed, name, size, modifiedAt, sha256, contentKey(department, feed, sha256),
                "INGESTING", null, now);
    }

    public void finish(long id, long rowsRead, long stored, long newVersions, long unchanged, long superseded,
            long quarantined, Instant now) {
        jdbc.update("UPDATE hub_file SET status = ?, rows_read = ?, stored = ?, new_versions = ?, unchanged = ?,"
                + " superseded = ?, quarantined = ?, finished_at = ? WHERE id = ?", FileEntry.INGESTED, rowsRead,
                stored, newVersions, unchanged, superseded, quarantined, Timestamp.from(now), id);
    }

    /** Records a rejected pickup (nothing stored), with its reason. */
    public long record(String department, String feed, String name, long size, Instant modifiedAt, String sha256,
            String status, String reason, Instant now) {
        long id = insert(department, feed, name, size, modifiedAt, sha256, null, status, reason, now);
        jdbc.update("UPDATE hub_file SET finished_at = ? WHERE id = ?", Timestamp.from(now), id);
        return id;
    }

    /** Records a re-sent copy of the content of ledger row {@code first}: nothing stored, the first one named. */
    public long duplicate(String department, String feed, String name, long size, Instant modifiedAt, String sha256,
            FileEntry first, String reason, Instant now) {
        long id = insert(department, feed, name, size, modifiedAt, sha256, null, FileEntry.DUPLICATE, reason, now);
        jdbc.update("UPDATE hub_file SET finished_at = ?, duplicate_of = ?, duplicate_of_name = ? WHERE id = ?",
                Timestamp.from(now), first.id(), AlertStore.truncate(first.fileName(), 512), id);
        return id;
    }

    private long insert(String department, String feed, String name, long size, Instant modifiedAt, String sha256,
            String ingestKey, String status, String reason, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO hub_file (department, feed, file_name, file_size,"
                    + " file_modified_at, sha256, ingest_key, status, rows_read, stored, new_versions, unchanged,"
                    + " quarantined, reason, received_at) VALUES (?,?,?,?,?,?,?,?,0,0,0,0,0,?,?)",
                    new String[] { "id" });
            ps.setString(1, department);
            ps.setString(2, feed);
            ps.setString(3, AlertStore.truncate(name, 512));
            ps.setLong(4, size);
            Columns.setInstant(ps, 5, modifiedAt);
            ps.setString(6, sha256);
            ps.setString(7, ingestKey);
            ps.setString(8, status);
            ps.setString(9, AlertStore.truncate(reason, 2048));
            ps.setTimestamp(10, Timestamp.from(now));
            return ps;
        }, key);
        return Columns.ids(key).get(0);
    }

    public Optional<FileEntry> find(long id) {
        return jdbc.query("SELECT * FROM hub_file WHERE id = ?", FileLedger::entry, id).stream().findFirst();
    }

    /** Newest first; null filters match all; {@code beforeId} pages backwards. */
    public List<FileEntry> list(String department, String feed, String status, Long beforeId, int limit) {
        Where where = new Where().eq("department", department).eq("feed", feed).eq("status", status);
        return jdbc.query(where.newestFirst("hub_file", beforeId, limit), FileLedger::entry, where.args());
    }

    private static FileEntry entry(ResultSet rs, int row) throws SQLException {
        return new FileEntry(rs.getLong("id"), rs.getString("department"), rs.getString("feed"),
                rs.getString("file_name"), rs.getLong("file_size"), Columns.instant(rs.getTimestamp("file_modified_at")),
                rs.getString("sha256"), rs.getString("status"), rs.getLong("rows_read"), rs.getLong("stored"),
                rs.getLong("new_versions"), rs.getLong("unchanged"), rs.getLong("superseded"), rs.getLong("quarantined"),
                rs.getString("reason"), rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"),
                rs.getString("duplicate_of_name"), Columns.instant(rs.getTimestamp("received_at")),
                Columns.instant(rs.getTimestamp("finished_at")));
    }
}
