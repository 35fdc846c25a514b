-- Issue 13 item 7: feed reads over the embedded broker survive a crash (docs/audit-and-keys.md).
-- One row per open network consumer that was delivered something since its last FEED_READ audit entry:
-- what it was delivered so far (count, SHA-256 of the record ids in delivery order, first and last feed
-- position), rewritten every hub.audit.broker-read-period while the subscription is open. The FEED_READ entry
-- written when the consumer closes (or once per hub.artemis.read-audit-period) deletes the row in the same
-- transaction. A row whose updated_at is older than three periods belongs to a consumer whose hub stopped
-- without closing it (kill -9, power loss): BrokerReadProgress turns it into a FEED_READ entry marked
-- "interrupted" and deletes it, again in one transaction. So a crash loses at most one period of reads.
CREATE TABLE hub_audit_broker_read (
    consumer_key   VARCHAR(128) NOT NULL PRIMARY KEY,
    client_id      VARCHAR(64)  NOT NULL,
    client_role    VARCHAR(16),
    address        VARCHAR(256) NOT NULL,
    read_count     BIGINT       NOT NULL,
    ids_sha256     VARCHAR(64)  NOT NULL,
    first_feed_seq BIGINT,
    last_feed_seq  BIGINT,
    reads_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    reads_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_hub_audit_broker_read_updated ON hub_audit_broker_read (updated_at);
