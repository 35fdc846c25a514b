package org.onex.hub.ingest.http;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Position of an HTTP source, stored as JSON in the hub store with the records of the page that moved it.
 * A pass asks for every row changed at or after {@code since}, page by page; the pass's largest cursor
 * value becomes the next pass's since. Values are compared as text, so the API must give sortable
 * ISO-8601 timestamps.
 *
 * @param since   since of the running pass (inclusive at the API)
 * @param page    token of the next page of the running pass, null at its start
 * @param maxSeen largest cursor value read so far in the running pass, null before the first row
 */
public record HttpCursor(String since, String page, String maxSeen) {

    static HttpCursor initial(String since) {
        return new HttpCursor(since, null, null);
    }

    /**
     * The cursor after one page: with a next-page token the pass goes on from it; without one the pass is
     * over and the next pass starts at the largest value seen (never before the current since).
     *
     * @param pageMax largest cursor value on the page, null if it had no rows with one
     * @param next    the page's next-page token, null on the last page
     */
    HttpCursor afterPage(String pageMax, String next) {
        String seen = max(maxSeen, pageMax);
        return next != null ? new HttpCursor(since, next, seen) : new HttpCursor(max(since, seen), null, null);
    }

    /** The larger of two texts, ignoring nulls. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    String toJson() {
        try {
            return HubJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpCursor fromJson(String json) {
        try {
            HttpCursor cursor = HubJson.mapper().readValue(json, HttpCursor.class);
            if (cursor.since() == null) {
                throw new IllegalStateException("stored HTTP cursor has no since: " + json);
            }
            return cursor;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored HTTP cursor is not readable: " + json, e);
        }
    }
}
