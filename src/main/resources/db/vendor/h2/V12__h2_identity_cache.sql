-- H2 only (the embedded default): hand out identity values 1000 at a time instead of 32.
-- H2 makes each batch of values durable with a commit of its own before handing them out (so an id is never
-- reused after a crash, issue 13 item 1), and with WRITE_DELAY=0 every such commit writes to the file under the
-- store's lock. A 500-row ingest batch inserted records and versions 32 at a time: some 30 extra commits per
-- transaction, queued behind every other writer. The fault suite's long mode saw a file drop fall minutes behind
-- after an SFTP outage while pushes, JDBC polls and deliveries held the lock (docs/design-decisions.md).
-- A crash now skips up to 1000 ids per table; none is ever handed out twice. PostgreSQL keeps its defaults.
ALTER TABLE hub_record ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_record_version ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_quarantine ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_record_superseded ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_file ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_alert ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_delivery ALTER COLUMN id SET CACHE 1000;
ALTER TABLE hub_obligation ALTER COLUMN id SET CACHE 1000;
