-- Issue 18: every query by record_id alone is served by uq_hub_record_version (record_id, version), which leads
-- with it; the extra index cost one more B-tree insertion per stored version on the ingest path. PostgreSQL only:
-- H2 backs the foreign key to hub_record with this index and refuses to drop it.
DROP INDEX ix_hub_record_version_record;
