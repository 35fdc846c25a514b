package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.feed.FeedJson;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.RecordType;
import org.onex.hub.store.FeedFilter;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedStore;
import org.onex.hub.store.RecordStore;
import org.onex.hub.store.Superseded;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/records} (the unified feed) and {@code GET /api/v1/records/{id}}: a record's versions and,
 * beside them, its superseded rows (rows that arrived older than the record's state, with the reason;
 * never versions, never on the feed).
 */
@Component
public class FeedApi {

    static final Set<String> PARAMS = Set.of("category", "recordType", "department", "creditCode", "decidedFrom",
            "decidedTo", "storedFrom", "storedTo", "cursor", "limit");

    private final FeedStore feed;
    private final RecordViews views;
    private final AuditLog audit;
    private final RecordStore records;

    public FeedApi(FeedStore feed, RecordViews views, AuditLog audit, RecordStore records) {
        this.feed = feed;
        this.views = views;
        this.audit = audit;
        this.records = records;
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
        Client client = Callers.of(exchange);
        views.checkAsked(client, filter.department(), filter.category() == null ? null : Category.valueOf(filter.category()));
        List<FeedItem> items = feed.page(filter, after, limit);
        // what the sharing policy lets this client see, masked for its role; the cursor still moves past the rest
        List<ObjectNode> visible = views.visible(client, items);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode array = out.putArray("items");
        visible.forEach(array::add);
        long last = items.isEmpty() ? after : items.get(items.size() - 1).feedSeq();
        audit.recordRead(client, "records?" + exchange.getMessage().getHeader(Exchange.HTTP_QUERY, ""), RecordViews.ids(visible));
        out.put("count", visible.size());
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
        Client client = Callers.of(exchange);
        List<ObjectNode> visible = views.visible(client, versions);
        if (visible.size() < versions.size()) {
            throw new ApiException(403, null, "client " + client.id() + " may not read record " + id
                    + " (sharing policy, R-CATEGORIES)");
        }
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.set("record", visible.get(visible.size() - 1));
        ArrayNode array = out.putArray("versions");
        visible.forEach(array::add);
        ArrayNode superseded = out.putArray("superseded");
        for (Superseded s : records.superseded(id)) {
            // the row as it would have been stored, through the same sharing view (masking) as the versions
            views.view(client, json(s.envelope()), null).ifPresent(view -> {
                ObjectNode n = superseded.addObject();
                n.put("status", s.status());
                n.put("sourceTime", s.sourceTime() == null ? null : s.sourceTime().toString());
                n.put("currentVersion", s.currentVersion());
                n.put("currentSourceTime", s.currentSourceTime() == null ? null : s.currentSourceTime().toString());
                n.put("reason", s.reason());
                n.put("sourceRef", s.sourceRef());
                n.put("receivedAt", s.receivedAt().toString());
                n.set("record", view);
            });
        }
        audit.recordRead(client, AuditAction.RECORD_READ, "records/" + id, List.of(id));
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored superseded envelope is not JSON", e);
        }
    }
}
