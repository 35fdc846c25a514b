-- Issue 17 item 5: an alert also carries a message code and typed arguments (org.onex.hub.alert.AlertText), so that
-- the console renders it in the reader's language with local times; message and message_en stay for the API.
ALTER TABLE hub_alert ADD COLUMN text_code VARCHAR(64);
ALTER TABLE hub_alert ADD COLUMN text_args VARCHAR(2048);
