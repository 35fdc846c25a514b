-- Issue 18: hub_feed_outbox is a queue (every row inserted, sequenced within a fraction of a second, deleted).
-- Dead rows at the front of its key index made each sequencer page walk every row deleted since the last vacuum
-- (36 ms per page after 190,000 rows). The sequencer vacuums it itself (FeedSequencer.vacuumOutboxIfDue); these
-- settings let autovacuum, where it runs, do the same after a few thousand rows instead of 20 % of the table.
ALTER TABLE hub_feed_outbox SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
