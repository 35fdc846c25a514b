package org.onex.hub.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code config/matters.yaml}: matter code (事项编码) → the department competent for it, the first way
 * the hub routes a bureau decision. Checked at start-up: every code once, every department
 * registered and a consumer of C3 (R-CATEGORIES).
 */
public final class MatterTable {

    public static final String FILE = "matters.yaml";

    private final Map<String, String> departments;

    private MatterTable(Map<String, String> departments) {
        this.departments = Map.copyOf(departments);
    }

    public static MatterTable empty() {
        return new MatterTable(Map.of());
    }

    /** Loads the table; a missing file is an empty table (every decision then routes by licence). */
    public static MatterTable load(Path file, DepartmentRegistry registry) {
        if (!Files.exists(file)) {
            return empty();
        }
        YamlDocument doc = YamlDocument.load(file);
        List<Problem> problems = new ArrayList<>();
        Map<String, String> table = new LinkedHashMap<>();
        JsonNode matters = doc.root().path("matters");
        if (!matters.isArray()) {
            throw new ConfigException(List.of(doc.problem("/matters", "expected a list of {code, department}")));
        }
        for (int i = 0; i < matters.size(); i++) {
            JsonNode m = matters.get(i);
            String at = YamlDocument.pointer("matters", i);
            String code = m.path("code").asText("").trim();
            String department = m.path("department").asText("").trim();
            if (code.isEmpty()) {
                problems.add(doc.problem(at, "code is missing"));
                continue;
            }
            Optional<Department> d = registry.find(department);
            if (d.isEmpty()) {
                problems.add(doc.problem(at + "/department", "unknown department '" + department + "'"));
            } else if (!d.get().consumes().contains(Category.C3)) {
                problems.add(doc.problem(at + "/department", "department " + department
                        + " does not consume C3 in config/departments.yaml (R-CATEGORIES)"));
            }
            if (table.put(code, department) != null) {
                problems.add(doc.problem(at + "/code", "matter code '" + code + "' is listed twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MatterTable(table);
    }

    public Optional<String> department(String matterCode) {
        return matterCode == null ? Optional.empty() : Optional.ofNullable(departments.get(matterCode.trim()));
    }

    public int size() {
        return departments.size();
    }
}
