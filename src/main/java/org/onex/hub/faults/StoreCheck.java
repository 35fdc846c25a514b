package org.onex.hub.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run's figures back from the hub store once the hub is down: which acknowledged rows are there, under
 * which record id and in how many versions; whether the feed has a position for every version, without holes,
 * and the same version at every position the REST reader saw; and the deliveries not yet delivered.
 */
final class StoreCheck implements AutoCloseable {

    /** A record of the store: its id and current version. */
    record Stored(long id, int versions) {
    }

    private final Connection c;

    StoreCheck(FaultStore store) throws SQLException {
        this.c = store.connect();
    }

    Map<String, Stored> records(String department, String feed) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT source_key, id, current_version FROM hub_record"
                + " WHERE department = ? AND feed = ?")) {
            s.setString(1, department);
            s.setString(2, feed);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Stored(rs.getLong(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /**
     * Feed gaps: versions without a position, holes in the positions, positions the reader saw naming another
     * version now (reused after a crash) or gone, and versions of the run's departments at positions the reader
     * never saw (given behind its cursor). Each counted once; {@code detail} gets the breakdown.
     */
    long feedGaps(FeedReader reader, Set<String> departments, StringBuilder detail) throws SQLException {
        long unsequenced = count("SELECT count(*) FROM hub_record_version v WHERE NOT EXISTS"
                + " (SELECT 1 FROM hub_feed f WHERE f.version_id = v.id)");
        long holes = count("SELECT COALESCE(max(seq), 0) - count(*) FROM hub_feed");
        Map<Long, FeedReader.Seen> store = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.seq, r.department, r.feed,"
                + " r.source_key, v.version FROM hub_feed f JOIN hub_record_version v ON v.id = f.version_id"
                + " JOIN hub_record r ON r.id = v.record_id")) {
            while (rs.next()) {
                store.put(rs.getLong(1), new FeedReader.Seen(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)));
            }
        }
        long reused = reader.positions().entrySet().stream().filter(e -> !e.getValue().equals(store.get(e.getKey())))
                .count();
        long missed = store.entrySet().stream().filter(e -> departments.contains(e.getValue().department())
                && !reader.positions().containsKey(e.getKey())).count();
        detail.append(String.format("versions without a feed position %d, holes in the positions %d, positions reused"
                + " or gone %d, versions the REST reader never saw %d", unsequenced, holes, reused, missed));
        return unsequenced + holes + reused + missed;
    }

    /** Deliveries of a department still waiting (PENDING or QUEUED) and dead ones. */
    long[] deliveries(String department) throws SQLException {
        long waiting = count("SELECT count(*) FROM hub_delivery WHERE department = '" + department
                + "' AND status IN ('PENDING', 'QUEUED')");
        long dead = count("SELECT count(*) FROM hub_delivery WHERE department = '" + department + "' AND status = 'DEAD'");
        long all = count("SELECT count(*) FROM hub_delivery WHERE department = '" + department + "'");
        return new long[] { waiting, dead, all };
    }

    private long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
