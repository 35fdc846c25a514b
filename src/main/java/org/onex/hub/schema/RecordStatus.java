package org.onex.hub.schema;

/**
 * Status of a record as the source reports it. Revoked and deleted records are kept as a status,
 * never physically deleted from the hub store.
 */
public enum RecordStatus {
    VALID, UPDATED, REVOKED, DELETED
}
