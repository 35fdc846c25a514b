package org.onex.hub.schema;

/**
 * Where a record comes from and which stored version it is. The natural key is
 * (department, feed, sourceKey); {@code recordId}, {@code version}, {@code versionId} and
 * {@code contentHash} are set by the hub store.
 */
public record Identity(Long recordId, Integer version, Long versionId, String contentHash, String department,
        String feed, String sourceSystem, String sourceKey) {

    public static Identity source(String department, String feed, String sourceSystem, String sourceKey) {
        return new Identity(null, null, null, null, department, feed, sourceSystem, sourceKey);
    }

    public Identity stored(long recordId, int version, long versionId, String contentHash) {
        return new Identity(recordId, version, versionId, contentHash, department, feed, sourceSystem, sourceKey);
    }
}
