package org.onex.hub.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list endpoint: the items, their count, and the cursor of the next page when the page is full
 * (none on the last page). Masked for the client as a whole ({@link ApiAnswers}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, int count, String nextCursor) implements ApiAnswer {

    /** A page whose next cursor is the last item's position, given only if the page is full. */
    static <T> Page<T> of(List<T> items, int limit, String kind, java.util.function.ToLongFunction<T> position) {
        return new Page<>(items, items.size(), items.size() == limit && !items.isEmpty()
                ? Cursors.encode(kind, position.applyAsLong(items.get(items.size() - 1))) : null);
    }
}
