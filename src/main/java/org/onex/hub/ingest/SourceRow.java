package org.onex.hub.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One row as a source delivered it, with a human reference to where it came from (table and key, file and
 * line) and the time its channel vouches for it (newest wins): jdbc-source the row's cursor time,
 * sftp-source the file's modification time, a push its receipt time; null when the channel knows none. The
 * mapped {@code times.sourceUpdatedAt}, when present, takes precedence (see {@link IngestService}).
 */
public record SourceRow(Map<String, Object> values, String sourceRef, Instant sourceTime) {

    public SourceRow(Map<String, Object> values, String sourceRef) {
        this(values, sourceRef, null);
    }

    /** This row with the channel's time. */
    public SourceRow withSourceTime(Instant time) {
        return new SourceRow(values, sourceRef, time);
    }
}
