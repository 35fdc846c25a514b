-- Issue 6: the tamper-evident audit log and the API clients with their keys (docs/audit-and-keys.md).

-- The audit log, append-only: feed reads, pushes, operator and admin actions, policy denials. Each entry
-- carries the hash of the entry before it (prev_hash) and its own hash over a canonical serialization of
-- its fields and prev_hash (AuditEntry), so altering, removing or inserting an entry breaks the chain at
-- that place. seq is gap-free: it is taken from hub_audit_head under that row's lock, in the transaction
-- that inserts the entry. recorded_at is kept to the millisecond (the precision the hash covers).
CREATE TABLE hub_audit (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    client_id    VARCHAR(64)  NOT NULL,
    client_role  VARCHAR(16),
    action       VARCHAR(48)  NOT NULL,
    target       VARCHAR(512),
    detail       TEXT         NOT NULL,
    prev_hash    VARCHAR(64)  NOT NULL,
    entry_hash   VARCHAR(64)  NOT NULL
);
-- the retention purge finds the first entry to keep by time
CREATE INDEX ix_hub_audit_time ON hub_audit (recorded_at);
CREATE INDEX ix_hub_audit_client ON hub_audit (client_id, seq);

-- The chain's single head row. last_seq/last_hash: the newest entry (appends lock this row, so concurrent
-- appends from any node form one chain). anchor_seq/anchor_hash: the last entry removed by the retention
-- purge, where verification starts. purge_entry_seq: the AUDIT_PURGED entry the purge wrote in the same
-- transaction, repeating the anchor, so an anchor moved by hand is told apart. Genesis: seq 0, 64 zeros.
CREATE TABLE hub_audit_head (
    id          INT          NOT NULL PRIMARY KEY,
    last_seq    BIGINT       NOT NULL,
    last_hash   VARCHAR(64)  NOT NULL,
    anchor_seq  BIGINT       NOT NULL,
    anchor_hash VARCHAR(64)  NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE,
    purge_entry_seq BIGINT,
    CONSTRAINT ck_hub_audit_head_single CHECK (id = 1)
);
INSERT INTO hub_audit_head (id, last_seq, last_hash, anchor_seq, anchor_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0,
            '0000000000000000000000000000000000000000000000000000000000000000');

-- API clients (issue 6 item 3): one row per caller with its role; department is the department code of
-- a department client (and of the bureau's own client), NULL for office, operator and admin clients.
CREATE TABLE hub_client (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_role  VARCHAR(16)  NOT NULL,
    department   VARCHAR(32),
    display_name VARCHAR(256) NOT NULL,
    enabled      BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Their keys, stored as SHA-256 only (the key itself is shown once when issued). not_after: end of a
-- rotation's overlap (NULL = no end); revoked_at: refused from that instant on. Authentication looks a
-- presented key up by its hash, through the unique index.
CREATE TABLE hub_client_key (
    key_id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    client_id  VARCHAR(64)  NOT NULL REFERENCES hub_client (id),
    key_hash   VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after  TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_hub_client_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_hub_client_key_client ON hub_client_key (client_id);
