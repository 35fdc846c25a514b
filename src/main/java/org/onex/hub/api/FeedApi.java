package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.feed.FeedJson;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.RecordType;
import org.onex.hub.store.FeedFilter;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedRow;
import org.onex.hub.store.FeedStore;
import org.onex.hub.store.RecordStore;
import org.onex.hub.store.Superseded;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/v1/records} (the unified feed) and {@code GET /api/v1/records/{id}}: a record's versions and,
 * beside them, its superseded rows (rows that arrived older than the record's state, with the reason;
 * never versions, never on the feed).
 */
@RestController
@RequestMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
public class FeedApi {

    static final Set<String> PARAMS = Set.of("category", "recordType", "department", "creditCode", "decidedFrom",
            "decidedTo", "storedFrom", "storedTo", "cursor", "limit");

    private final FeedStore feed;
    private final RecordViews views;
    private final AuditLog audit;
    private final RecordStore records;
    private final FeedReadGate gate;

    public FeedApi(FeedStore feed, RecordViews views, AuditLog audit, RecordStore records, FeedReadGate gate) {
        this.gate = gate;
        this.feed = feed;
        this.views = views;
        this.audit = audit;
        this.records = records;
    }

    /** A page of the feed: every version in commit order, as the sharing policy lets the client see it. */
    public record FeedPage(List<JsonNode> items, int count, String nextCursor, boolean more)
            implements ApiAnswer.Viewed {
    }

    /** A record: its current view, every version, and the rows that arrived older than its state. */
    public record RecordAnswer(ObjectNode record, List<ObjectNode> versions, List<SupersededRow> superseded)
            implements ApiAnswer.Viewed {
    }

    /** A row that arrived older than the record's state, with the reason; never a version, never on the feed. */
    public record SupersededRow(String status, String sourceTime, int currentVersion, String currentSourceTime,
            String reason, String sourceRef, String receivedAt, ObjectNode record) {
    }

    @GetMapping
    public FeedPage records(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        FeedFilter filter = new FeedFilter(q.oneOf("category", Category.values()),
                q.oneOf("recordType", RecordType.values()),
                q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code"),
                q.matching("creditCode", "[0-9A-Za-z]{18}", "an 18-character credit code"),
                q.instant("decidedFrom"), q.instant("decidedTo"), q.instant("storedFrom"), q.instant("storedTo"));
        long after = Math.max(0, Cursors.decode("feed", q.text("cursor"), "cursor"));
        int limit = q.limit(100, 1000);
        Client client = Callers.current();
        views.checkAsked(client, filter.department(), filter.category() == null ? null : Category.valueOf(filter.category()));
        // read and viewed in one of the gate's slots (a bulkhead beside ingest); audited after, outside it
        Read read = gate.read(() -> {
            List<FeedRow> items = feed.page(filter, after, limit);
            // what the sharing policy lets this client see, masked for its role; the cursor still moves past the rest
            return new Read(views.page(client, items), items.isEmpty() ? after : items.get(items.size() - 1).feedSeq(),
                    items.size() == limit);
        });
        String query = request.getQueryString();
        audit.recordRead(client, "records?" + (query == null ? "" : query), read.visible().recordIds());
        return new FeedPage(read.visible().items(), read.visible().items().size(), Cursors.encode("feed", read.last()),
                read.more());
    }

    /** What one page read gave: the client's view of it, the last place read, and whether the page was full. */
    private record Read(RecordViews.Page visible, long last, boolean more) {
    }

    @GetMapping("/{id}")
    public RecordAnswer record(@PathVariable("id") String raw, HttpServletRequest request) {
        QueryParams.of(request, Set.of());
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
        Client client = Callers.current();
        List<ObjectNode> visible = views.visible(client, versions);
        if (visible.size() < versions.size()) {
            throw new ApiException(403, null, "client " + client.id() + " may not read record " + id
                    + " (sharing policy, R-CATEGORIES)");
        }
        List<SupersededRow> superseded = new java.util.ArrayList<>();
        for (Superseded s : records.superseded(id)) {
            // the row as it would have been stored, through the same sharing view (masking) as the versions
            views.view(client, json(s.envelope()), null).ifPresent(view -> superseded.add(new SupersededRow(
                    s.status(), text(s.sourceTime()), s.currentVersion(), text(s.currentSourceTime()), s.reason(),
                    s.sourceRef(), s.receivedAt().toString(), view)));
        }
        audit.recordRead(client, AuditAction.RECORD_READ, "records/" + id, List.of(id));
        return new RecordAnswer(visible.get(visible.size() - 1), visible, superseded);
    }

    private static String text(java.time.Instant time) {
        return time == null ? null : time.toString();
    }

    private static JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored superseded envelope is not JSON", e);
        }
    }
}
