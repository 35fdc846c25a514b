package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Operator views: {@code GET /api/v1/files}, {@code GET /api/v1/alerts}, {@code POST /api/v1/alerts/{id}/ack}. */
@Component
public class OpsApi {

    private static final Set<String> FILE_PARAMS = Set.of("department", "feed", "status", "cursor", "limit");
    private static final Set<String> ALERT_PARAMS = Set.of("department", "kind", "status", "cursor", "limit");
    private static final String DEPARTMENT = "[a-z][a-z0-9]{1,15}";

    private final FileLedger files;
    private final AlertStore alerts;
    private final OperatorActions actions;

    public OpsApi(FileLedger files, AlertStore alerts, OperatorActions actions) {
        this.files = files;
        this.alerts = alerts;
        this.actions = actions;
    }

    public ObjectNode files(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, FILE_PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of(FileEntry.INGESTED, FileEntry.REJECTED, FileEntry.DUPLICATE).contains(status)) {
            throw ApiException.badParameter("status", "status '" + status
                    + "' is not one of [INGESTED, REJECTED, DUPLICATE]");
        }
        long before = Cursors.decode("files", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.of(exchange);
        List<FileEntry> entries = files.list(Callers.department(client, q.matching("department", DEPARTMENT,
                "a department code")),
                q.text("feed"), status, before < 0 ? null : before, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        entries.forEach(e -> items.add(HubJson.mapper().valueToTree(e)));
        out.put("count", entries.size());
        if (entries.size() == limit) {
            out.put("nextCursor", Cursors.encode("files", entries.get(entries.size() - 1).id()));
        }
        return out;
    }

    public ObjectNode alerts(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, ALERT_PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of(Alert.OPEN, Alert.ACKNOWLEDGED).contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of [OPEN, ACKNOWLEDGED]");
        }
        long before = Cursors.decode("alerts", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.of(exchange);
        List<Alert> list = alerts.list(status, Callers.department(client, q.matching("department", DEPARTMENT,
                "a department code")),
                q.matching("kind", "[A-Z_]{1,48}", "an alert kind"), before < 0 ? null : before, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        list.forEach(a -> items.add(HubJson.mapper().valueToTree(a)));
        out.put("count", list.size());
        if (list.size() == limit) {
            out.put("nextCursor", Cursors.encode("alerts", list.get(list.size() - 1).id()));
        }
        return out;
    }

    /** Body: {@code {"by": "operator name or role", "comment": "what was done"}}. */
    public ObjectNode acknowledge(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "alert id '" + raw + "' is not a number");
        }
        String text = exchange.getMessage().getBody(String.class);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? HubJson.mapper().createObjectNode() : HubJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badParameter("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        return HubJson.mapper().valueToTree(actions.acknowledgeAlert(id, Callers.of(exchange),
                body.path("comment").asText("")));
    }
}
