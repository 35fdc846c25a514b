package org.onex.hub.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.feed.FeedJson;
import org.onex.hub.policy.Access;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.schema.Category;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.FeedItem;
import org.onex.hub.store.FeedRow;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST side of the one enforcement point: every record the API returns goes through
 * {@link SharingEnforcer#view}, which drops what the client may not see and masks what its role may
 * see only masked (R-CATEGORIES). A C3 decision "concerns" the departments it was delivered to.
 */
@Component
public class RecordViews {

    private final SharingEnforcer enforcer;
    private final DeliveryStore targets;

    public RecordViews(SharingEnforcer enforcer, DeliveryStore targets) {
        this.enforcer = enforcer;
        this.targets = targets;
    }

    /** The envelopes of these versions the client may see, masked for its role, in the same order. */
    public List<ObjectNode> visible(Client client, List<FeedItem> items) {
        Map<Long, Set<String>> concerned = concerned(items.stream()
                .filter(i -> Category.C3.name().equals(i.category())).map(FeedItem::recordId));
        List<ObjectNode> out = new ArrayList<>(items.size());
        for (FeedItem item : items) {
            view(client, item, concernedDepartment(client, concerned.getOrDefault(item.recordId(), Set.of())))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * A page of the feed as the client may see it, in feed order: the same as {@link #visible}, except that a
     * version the client sees exactly as stored ({@link SharingEnforcer#seesAsStored}: the bureau, a unit's own
     * records) is served as its stored text without being parsed, copied and written again (issue 18: REST feed
     * reads at 30,000 records/s).
     */
    public Page page(Client client, List<FeedRow> rows) {
        Map<Long, Set<String>> concerned = concerned(rows.stream()
                .filter(r -> Category.C3.name().equals(r.category())).map(FeedRow::recordId));
        List<JsonNode> out = new ArrayList<>(rows.size());
        Set<Long> ids = new LinkedHashSet<>();
        // decided once per category, provider and concerned unit of the page, not per row (R-CATEGORIES)
        Map<List<String>, Boolean> asStored = new HashMap<>();
        for (FeedRow row : rows) {
            String department = concernedDepartment(client, concerned.getOrDefault(row.recordId(), Set.of()));
            boolean whole = asStored.computeIfAbsent(Arrays.asList(row.category(), row.department(), department),
                    k -> enforcer.seesAsStored(client, category(row.category()), row.department(), department));
            Optional<JsonSerializable> stored = whole ? FeedJson.feedValue(row) : Optional.empty();
            if (stored.isPresent()) {
                out.add(JsonNodeFactory.instance.pojoNode(stored.get()));
                ids.add(row.recordId());
            } else {
                view(client, row.item(), department).ifPresent(view -> {
                    out.add(view);
                    ids.add(row.recordId());
                });
            }
        }
        return new Page(out, List.copyOf(ids));
    }

    /** The items of a feed page and the records they are versions of (for the audit log). */
    public record Page(List<JsonNode> items, List<Long> recordIds) {
    }

    /** The departments each of these C3 decisions was delivered to (the units they concern). */
    private Map<Long, Set<String>> concerned(java.util.stream.Stream<Long> c3RecordIds) {
        return targets.departmentsOf(c3RecordIds.distinct().toList());
    }

    private Optional<ObjectNode> view(Client client, FeedItem item, String concernedDepartment) {
        ObjectNode envelope = FeedJson.envelope(item);
        return enforcer.view(client, envelope, concernedDepartment).map(view -> {
            if (envelope.has("feedSeq")) {
                view.set("feedSeq", envelope.get("feedSeq"));
            }
            return view;
        });
    }

    private static Category category(String category) {
        try {
            return Category.valueOf(category);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // the full view decides (and shows nothing of a record without a known category)
        }
    }

    /** One record (a delivery's envelope) as the client may see it, if at all. */
    public Optional<ObjectNode> view(Client client, JsonNode record, String concernedDepartment) {
        return enforcer.view(client, record, concernedDepartment);
    }

    /**
     * A client that asks explicitly for another unit's records of a category it cannot receive is refused
     * (403) instead of getting an empty page: asking is itself a policy denial worth auditing.
     */
    public void checkAsked(Client client, String department, Category category) {
        String own = enforcer.unitOf(client).orElse(null);
        if (department == null || department.equals(own)) {
            return;
        }
        boolean mayRead = category == null ? enforcer.receivable(client).stream()
                .anyMatch(c -> enforcer.access(client, c) == Access.ALL) : enforcer.access(client, category) == Access.ALL;
        if (!mayRead) {
            throw new ApiException(403, "department", "client " + client.id() + " may not read "
                    + (category == null ? "" : category + " ") + "records of department " + department
                    + " (sharing policy, R-CATEGORIES)");
        }
    }

    /** The concerned department to judge a C3 record by: the client's own if it was delivered there. */
    private String concernedDepartment(Client client, Set<String> delivered) {
        String own = enforcer.unitOf(client).orElse(null);
        if (own != null && delivered.contains(own)) {
            return own;
        }
        return delivered.isEmpty() ? null : delivered.iterator().next();
    }
}
