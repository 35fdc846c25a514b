package org.onex.hub.store;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives committed record versions their place in the feed, and tracks what was published to Artemis.
 *
 * <p>Why a separate step: identity values are taken when a row is inserted, but transactions commit in
 * another order, so a reader paging by insert id could skip a version that commits late. Here places are
 * assigned under a row lock on the counter and committed at once, so they become visible in order and a
 * cursor over them never skips or repeats. Two nodes running this at the same time serialize on the lock.
 * The feed is its own narrow, insert-only table so that sequencing never rewrites the (wide) versions.
 */
@Repository
public class FeedSequencer {

    /** Outbox rows deleted between two vacuums of the outbox on PostgreSQL ({@link #vacuumOutboxIfDue}). */
    static final long VACUUM_AFTER = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FeedSequencer.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong deletedSinceVacuum = new AtomicLong();
    /** null until known; false on H2, or once a vacuum was refused (not the tables' owner). */
    private volatile Boolean vacuums;

    public FeedSequencer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves up to {@code limit} outbox entries into the feed and returns how many it moved. */
    @Transactional
    public int sequence(int limit) {
        Long last = jdbc.queryForObject("SELECT counter_value FROM hub_counter WHERE name = 'feed_seq' FOR UPDATE",
                Long.class);
        // Take the page from the (small) outbox first, then look its versions up by key: ordering the join by
        // version id made the database walk every version already sequenced on each tick.
        List<long[]> entries = jdbc.query("SELECT o.record_id, o.version, v.id FROM (SELECT record_id, version"
                + " FROM hub_feed_outbox ORDER BY record_id, version LIMIT ?) o JOIN hub_record_version v"
                + " ON v.record_id = o.record_id AND v.version = o.version",
                (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }, limit);
        if (entries.isEmpty()) {
            return 0;
        }
        long seq = last == null ? 0 : last;
        List<Object[]> places = new ArrayList<>(entries.size());
        for (long[] e : entries) {
            places.add(new Object[] { ++seq, e[2] });
        }
        jdbc.batchUpdate("INSERT INTO hub_feed (seq, version_id) VALUES (?, ?)", places);
        jdbc.batchUpdate("DELETE FROM hub_feed_outbox WHERE record_id = ? AND version = ?",
                entries.stream().map(e -> new Object[] { e[0], (int) e[1] }).toList());
        jdbc.update("UPDATE hub_counter SET counter_value = ? WHERE name = 'feed_seq'", seq);
        deletedSinceVacuum.addAndGet(entries.size());
        return entries.size();
    }

    /**
     * On PostgreSQL, vacuums the outbox once {@value #VACUUM_AFTER} rows were deleted from it since the last time;
     * call it outside a transaction (VACUUM cannot run in one). Why (issue 18): the outbox is a queue, and the
     * dead rows at the front of its key index made every page of {@link #sequence} walk all the rows deleted since
     * the last vacuum: 36 ms a page after 190,000 rows, most of the sequencer's time in a bulk load. Autovacuum
     * may be off, or wake up only once a minute. H2 removes deleted rows from its indexes at once: nothing to do.
     *
     * @return whether it vacuumed
     */
    public boolean vacuumOutboxIfDue() {
        if (deletedSinceVacuum.get() < VACUUM_AFTER || !vacuums()) {
            return false;
        }
        deletedSinceVacuum.set(0);
        try {
            jdbc.execute("VACUUM hub_feed_outbox");
            return true;
        } catch (DataAccessException e) {
            vacuums = false;
            LOG.warn("cannot vacuum hub_feed_outbox ({}); the sequencer leaves it to autovacuum from now on",
                    e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    private boolean vacuums() {
        Boolean v = vacuums;
        if (v == null) {
            v = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> {
                DatabaseMetaData md = c.getMetaData();
                return "PostgreSQL".equalsIgnoreCase(md.getDatabaseProductName());
            }));
            vacuums = v;
        }
        return v;
    }

    /** Feed entries after the last published place, in feed order. */
    public List<FeedItem> unpublished(int limit) {
        return jdbc.query("SELECT " + FeedStore.COLUMNS + " FROM hub_feed f JOIN hub_record_version v"
                + " ON v.id = f.version_id WHERE f.seq > (SELECT counter_value FROM hub_counter"
                + " WHERE name = 'published_seq') ORDER BY f.seq LIMIT ?", FeedStore::item, limit);
    }

    /** Records that everything up to {@code seq} reached Artemis (never moves backwards). */
    public void markPublished(long seq) {
        jdbc.update("UPDATE hub_counter SET counter_value = ? WHERE name = 'published_seq' AND counter_value < ?",
                seq, seq);
    }

    /** Versions committed but not yet in the feed, plus feed entries not yet published. */
    public long backlog() {
        Long outbox = jdbc.queryForObject("SELECT COUNT(*) FROM hub_feed_outbox", Long.class);
        Long unpublished = jdbc.queryForObject("SELECT (SELECT counter_value FROM hub_counter WHERE name = 'feed_seq')"
                + " - (SELECT counter_value FROM hub_counter WHERE name = 'published_seq')", Long.class);
        return (outbox == null ? 0 : outbox) + (unpublished == null ? 0 : unpublished);
    }
}
