-- Issue 6 item 3, its optional part: a TLS client certificate is a client's credential beside its API keys.
-- kind KEY: key_hash is the SHA-256 of an API key; kind CERT: key_hash is the SHA-256 fingerprint of the
-- certificate (DER), not_after its end of validity and label its subject. Revocation and listing are shared.
ALTER TABLE hub_client_key ADD COLUMN kind VARCHAR(8) DEFAULT 'KEY' NOT NULL;
ALTER TABLE hub_client_key ADD COLUMN label VARCHAR(512);
