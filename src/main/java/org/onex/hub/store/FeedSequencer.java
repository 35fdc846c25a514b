package org.onex.hub.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives committed record versions their feed sequence number and hands them to the publisher.
 *
 * <p>Why a separate step: identity values are taken when a row is inserted, but transactions commit in
 * another order, so a reader paging by insert id could skip a version that commits late. Here the
 * sequence is assigned under a row lock on the counter and committed at once, so sequence numbers
 * become visible in order and a cursor over them never skips or repeats. Two nodes running this at
 * the same time serialize on the lock.
 */
@Repository
public class FeedSequencer {

    private final JdbcTemplate jdbc;

    public FeedSequencer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sequences up to {@code limit} outbox entries and returns how many it sequenced. */
    @Transactional
    public int sequence(int limit) {
        Long last = jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'feed_seq' FOR UPDATE", Long.class);
        List<Long> ids = jdbc.queryForList("SELECT version_id FROM hub_feed_outbox WHERE sequenced = FALSE"
                + " ORDER BY version_id LIMIT ?", Long.class, limit);
        if (ids.isEmpty()) {
            return 0;
        }
        long seq = last == null ? 0 : last;
        List<Object[]> updates = new ArrayList<>(ids.size());
        for (Long id : ids) {
            updates.add(new Object[] { ++seq, id });
        }
        jdbc.batchUpdate("UPDATE hub_record_version SET feed_seq = ? WHERE id = ?", updates);
        jdbc.batchUpdate("UPDATE hub_feed_outbox SET sequenced = TRUE WHERE version_id = ?",
                ids.stream().map(id -> new Object[] { id }).toList());
        jdbc.update("UPDATE hub_counter SET counter_value = ? WHERE name = 'feed_seq'", seq);
        return ids.size();
    }

    /** Sequenced versions not yet confirmed as published, in feed order. */
    public List<FeedItem> unpublished(int limit) {
        return jdbc.query("SELECT " + FeedStore.COLUMNS + " FROM hub_feed_outbox o JOIN hub_record_version v"
                + " ON v.id = o.version_id WHERE o.sequenced = TRUE ORDER BY v.feed_seq LIMIT ?", FeedStore::item, limit);
    }

    /** Removes published versions from the outbox. */
    public void markPublished(List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return;
        }
        for (int from = 0; from < versionIds.size(); from += 500) {
            List<Long> chunk = versionIds.subList(from, Math.min(versionIds.size(), from + 500));
            jdbc.update("DELETE FROM hub_feed_outbox WHERE version_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
    }

    public long outboxDepth() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM hub_feed_outbox", Long.class);
        return n == null ? 0 : n;
    }
}
