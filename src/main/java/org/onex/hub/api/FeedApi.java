package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.feed.FeedJson;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.FeedFilter;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/records} (the unified feed) and {@code GET /api/v1/records/{id}}. */
@Component
public class FeedApi {

    static final Set<String> PARAMS = Set.of("category", "recordType", "department", "creditCode", "decidedFrom",
            "decidedTo", "storedFrom", "storedTo", "cursor", "limit");

    private final FeedStore feed;

    public FeedApi(FeedStore feed) {
        this.feed = feed;
    }

    public ObjectNode records(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, PARAMS);
        FeedFilter filter = new FeedFilter(q.oneOf("category", Category.values()),
                q.oneOf("recordType", RecordType.values()),
                q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code"),
                q.matching("creditCode", "[0-9A-Za-z]{18}", "an 18-character credit code"),
                q.instant("decidedFrom"), q.instant("decidedTo"), q.instant("storedFrom"), q.instant("storedTo"));
        long after = Math.max(0, Cursors.decode("feed", q.text("cursor"), "cursor"));
        int limit = q.limit(100, 1000);
        List<FeedItem> items = feed.page(filter, after, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode array = out.putArray("items");
        items.forEach(i -> array.add(FeedJson.envelope(i)));
        long last = items.isEmpty() ? after : items.get(items.size() - 1).feedSeq();
        out.put("count", items.size());
        out.put("nextCursor", Cursors.encode("feed", last));
        out.put("more", items.size() == limit);
        return out;
    }

    public ObjectNode record(Exchange exchange) {
        QueryParams.of(exchange, Set.of());
        String raw = exchange.getMessage().getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "record id '" + raw + "' is not a number");
        }
        List<FeedItem> versions = feed.versions(id);
        if (versions.isEmpty()) {
            throw ApiException.notFound("no record with id " + id);
        }
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.set("record", FeedJson.envelope(versions.get(versions.size() - 1)));
        ArrayNode array = out.putArray("versions");
        versions.forEach(v -> array.add(FeedJson.envelope(v)));
        return out;
    }
}
