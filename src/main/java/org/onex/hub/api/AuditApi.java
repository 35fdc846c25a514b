package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.AuditVerifier;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/audit} (entries in chain order) and {@code GET /api/v1/audit/verify}: walks the
 * hash chain and names the first altered, missing or unchained entry. Admins only.
 */
@Component
public class AuditApi {

    private final AuditLog audit;
    private final AuditVerifier verifier;

    public AuditApi(AuditLog audit, AuditVerifier verifier) {
        this.audit = audit;
        this.verifier = verifier;
    }

    public ObjectNode entries(Exchange exchange) {
        QueryParams q = QueryParams.of(exchange, Set.of("cursor", "limit"));
        long after = Math.max(0, Cursors.decode("audit", q.text("cursor"), "cursor"));
        int limit = q.limit(100, 1000);
        List<AuditEntry> entries = audit.page(after, limit);
        ObjectNode out = HubJson.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        entries.forEach(e -> items.add(HubJson.mapper().valueToTree(e)));
        out.put("count", entries.size());
        out.put("nextCursor", Cursors.encode("audit", entries.isEmpty() ? after : entries.get(entries.size() - 1).seq()));
        return out;
    }

    public ObjectNode verify(Exchange exchange) {
        QueryParams.of(exchange, Set.of());
        return HubJson.mapper().valueToTree(verifier.verify());
    }
}
