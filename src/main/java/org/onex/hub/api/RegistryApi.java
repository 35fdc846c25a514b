package org.onex.hub.api;

import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/v1/departments}: the department registry (R-CONTACT liaison roles, R-CATEGORIES). */
@Component
public class RegistryApi {

    private final DepartmentRegistry registry;

    public RegistryApi(DepartmentRegistry registry) {
        this.registry = registry;
    }

    public JsonNode departments() {
        return HubJson.mapper().valueToTree(java.util.Map.of("items", registry.all()));
    }
}
