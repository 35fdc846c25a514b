-- Rows stored per unit and hour, with the lag from the change in the department's system (source_updated_at)
-- to the hub's store: the console overview's 24 h / 7 d strips (issue 17 item 1). Filled in feed order by the
-- one-node route activity-sample from hub_feed (gap-free, commit order), so no ingest path writes it; the
-- counter activity_seq is the last feed place counted, written in the same transaction as the hours.
CREATE TABLE hub_activity_hour (
    department   VARCHAR(32) NOT NULL,
    hour_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_count    BIGINT NOT NULL,
    lag_count    BIGINT NOT NULL,
    lag_sum_ms   BIGINT NOT NULL,
    lag_max_ms   BIGINT NOT NULL,
    PRIMARY KEY (department, hour_start)
);
INSERT INTO hub_counter (name, counter_value) VALUES ('activity_seq', 0);
