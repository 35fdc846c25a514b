package org.onex.hub.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When one department's records were stored, batch by batch, as the store shows it: the hub gives every record of
 * an ingest batch the same {@code hub_record.created_at} (its clock when it stored the batch), so the distinct
 * values of a department are its batches. The longest gap between two of them is how long the department waited
 * while the other departments' batches went in.
 *
 * @param rows       records stored
 * @param batches    distinct created_at values
 * @param first      the first batch's created_at
 * @param last       the last batch's created_at
 * @param maxGapMillis the longest time between two consecutive batches (0 with one batch)
 */
record BatchTimes(long rows, int batches, Instant first, Instant last, long maxGapMillis) {

    /** One created_at value of a department and the records stored with it. */
    record Batch(String department, Instant createdAt, long rows) {
    }

    private static final String BATCHES = "SELECT department, created_at, count(*) FROM hub_record"
            + " GROUP BY department, created_at ORDER BY department, created_at";

    /** Every department's batch times in the store. */
    static Map<String, BatchTimes> read(Connection store) throws SQLException {
        List<Batch> batches = new ArrayList<>();
        try (Statement s = store.createStatement(); ResultSet rs = s.executeQuery(BATCHES)) {
            while (rs.next()) {
                batches.add(new Batch(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)));
            }
        }
        return of(batches);
    }

    /** Batch times by department, from batches in any order. */
    static Map<String, BatchTimes> of(List<Batch> batches) {
        Map<String, List<Batch>> byDepartment = new LinkedHashMap<>();
        batches.stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .forEach(b -> byDepartment.computeIfAbsent(b.department(), k -> new ArrayList<>()).add(b));
        Map<String, BatchTimes> out = new LinkedHashMap<>();
        byDepartment.forEach((department, list) -> {
            long rows = 0;
            long maxGap = 0;
            for (int i = 0; i < list.size(); i++) {
                rows += list.get(i).rows();
                if (i > 0) {
                    maxGap = Math.max(maxGap, Duration.between(list.get(i - 1).createdAt(), list.get(i).createdAt())
                            .toMillis());
                }
            }
            out.put(department, new BatchTimes(rows, list.size(), list.get(0).createdAt(),
                    list.get(list.size() - 1).createdAt(), maxGap));
        });
        return out;
    }

    /** Seconds from {@code start} to {@code time} (negative when before). */
    static double secondsAfter(Instant start, Instant time) {
        return Duration.between(start, time).toMillis() / 1000.0;
    }
}
