package org.onex.hub.ingest.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Position of a JDBC source, stored as JSON in the hub store with the records it covers.
 *
 * @param time      update time of the last row ingested (the source's own wall-clock time)
 * @param key       key of that row (number or text), null before the first row
 * @param sweepTime position of a running look-back sweep, null when none runs
 * @param sweepKey  key at that position
 * @param sweepUntil where the running sweep ends (the main cursor's time when it started)
 * @param sweptAt   when the last sweep finished (hub time)
 */
public record JdbcCursor(LocalDateTime time, Object key, LocalDateTime sweepTime, Object sweepKey,
        LocalDateTime sweepUntil, Instant sweptAt) {

    static final LocalDateTime BEGINNING = LocalDateTime.of(1900, 1, 1, 0, 0);

    static JdbcCursor initial() {
        return new JdbcCursor(BEGINNING, null, null, null, null, null);
    }

    boolean sweeping() {
        return sweepUntil != null;
    }

    JdbcCursor advanced(LocalDateTime newTime, Object newKey) {
        return new JdbcCursor(newTime, newKey, sweepTime, sweepKey, sweepUntil, sweptAt);
    }

    JdbcCursor sweepStarted(LocalDateTime from, LocalDateTime until) {
        return new JdbcCursor(time, key, from, null, until, sweptAt);
    }

    JdbcCursor sweepAdvanced(LocalDateTime t, Object k) {
        return new JdbcCursor(time, key, t, k, sweepUntil, sweptAt);
    }

    JdbcCursor sweepFinished(Instant at) {
        return new JdbcCursor(time, key, null, null, null, at);
    }

    String toJson() {
        try {
            return HubJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JdbcCursor fromJson(String json) {
        try {
            return HubJson.mapper().readValue(json, JdbcCursor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JDBC cursor is not readable: " + json, e);
        }
    }
}
