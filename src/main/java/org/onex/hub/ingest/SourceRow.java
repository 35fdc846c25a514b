package org.onex.hub.ingest;

import java.util.Map;

/** One row as a source delivered it, with a human reference to where it came from (table and key, file and line). */
public record SourceRow(Map<String, Object> values, String sourceRef) {
}
