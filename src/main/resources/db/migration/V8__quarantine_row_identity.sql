-- Issue 12 item 9: one open quarantine entry per broken source row, whatever channel delivered it, found by an
-- indexed lookup (issue 13: every bad row used to scan the open entries of its feed).
--
-- open_key is the row's identity while its entry is OPEN: department|feed|K|<source key>, or
-- department|feed|H|<payload hash> for a row without a key (docs/design-decisions.md "Quarantine: one entry
-- per source row"). It is NULL once the entry is resolved, so a later breakage of the same row opens a new
-- entry; the unique index makes a second open entry of the same row impossible even for two channels that
-- quarantine it at the same moment (the later transaction fails and its batch is read again).
ALTER TABLE hub_quarantine ADD COLUMN open_key VARCHAR(400);

-- Existing open entries: the newest entry of each row keeps it ...
UPDATE hub_quarantine SET open_key = CASE WHEN source_key IS NULL
        THEN department || '|' || feed || '|H|' || payload_hash
        ELSE department || '|' || feed || '|K|' || source_key END
    WHERE status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM hub_quarantine n WHERE n.status = 'OPEN'
        AND n.department = hub_quarantine.department AND n.feed = hub_quarantine.feed AND n.id > hub_quarantine.id
        AND ((hub_quarantine.source_key IS NOT NULL AND n.source_key = hub_quarantine.source_key)
          OR (hub_quarantine.source_key IS NULL AND n.source_key IS NULL AND n.payload_hash = hub_quarantine.payload_hash)));
-- ... and older doubles of the same row are resolved, saying why (their newer entry holds the latest payload).
UPDATE hub_quarantine SET status = 'RESOLVED', resolved_at = last_seen_at,
        resolution = 'merged: a newer open entry of the same source row exists (migration V7)'
    WHERE status = 'OPEN' AND open_key IS NULL;

CREATE UNIQUE INDEX ux_hub_quarantine_open_key ON hub_quarantine (open_key);

-- The channels (source routes: a database route, an SFTP route, push, replay) a row was seen through, each with
-- its own count of sightings and the reference of its last sighting.
CREATE TABLE hub_quarantine_channel (
    quarantine_id  BIGINT       NOT NULL REFERENCES hub_quarantine (id),
    channel        VARCHAR(128) NOT NULL,
    times_seen     INT          NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    source_ref     VARCHAR(512),
    PRIMARY KEY (quarantine_id, channel)
);

-- Entries from before this migration: their channel was not recorded.
INSERT INTO hub_quarantine_channel (quarantine_id, channel, times_seen, first_seen_at, last_seen_at, source_ref)
    SELECT id, 'unrecorded', times_seen, created_at, last_seen_at, source_ref FROM hub_quarantine;
