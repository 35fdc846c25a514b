package org.onex.hub.policy;

import java.util.List;

import org.onex.hub.mapping.ColumnUse;
import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.QuarantineEntry;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The quarantined source row as a client may see it, on every channel that shows it (the REST API and the
 * console's department page): masked by what the row's feed mapping makes of each column
 * ({@link SharingEnforcer#maskQuarantinePayload(Client, String, JsonNode, List)}).
 */
@Component
public class QuarantineView {

    private final SharingEnforcer enforcer;
    private final MappingRegistry mappings;

    public QuarantineView(SharingEnforcer enforcer, MappingRegistry mappings) {
        this.enforcer = enforcer;
        this.mappings = mappings;
    }

    /** The entry's payload for {@code client}; a payload that is not JSON is masked as text. */
    public JsonNode payload(Client client, QuarantineEntry entry) {
        JsonNode raw;
        try {
            raw = HubJson.mapper().readTree(entry.payload());
        } catch (JsonProcessingException e) {
            raw = HubJson.mapper().getNodeFactory().textNode(entry.payload());
        }
        return enforcer.maskQuarantinePayload(client, entry.department(), raw, uses(entry));
    }

    /** The entry's source key, sourceRef or a failure reason for {@code client}: ID and mobile numbers masked. */
    public String text(Client client, QuarantineEntry entry, String value) {
        return enforcer.maskQuarantineText(client, entry.department(), value);
    }

    /** What the entry's feed mapping (as loaded now) makes of each column; none for a feed without mapping. */
    public List<ColumnUse> uses(QuarantineEntry entry) {
        return mappings.find(entry.department(), entry.feed()).map(CompiledMapping::columnUses).orElse(List.of());
    }
}
