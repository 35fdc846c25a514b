package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/departments}: the department registry (R-CONTACT liaison roles, R-CATEGORIES). */
@RestController
public class RegistryApi {

    private final DepartmentRegistry registry;

    public RegistryApi(DepartmentRegistry registry) {
        this.registry = registry;
    }

    /** The registry's units. */
    public record Departments(List<Department> items) {
    }

    @GetMapping(path = "/api/v1/departments", produces = MediaType.APPLICATION_JSON_VALUE)
    public Departments departments(HttpServletRequest request) {
        QueryParams.of(request, Set.of());
        return new Departments(registry.all());
    }
}
