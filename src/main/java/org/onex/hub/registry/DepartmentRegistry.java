package org.onex.hub.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.SchemaCheck;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The units taking part in the hub, loaded once from {@code config/departments.yaml}. Immutable:
 * a changed file takes effect at the next start, after the same checks.
 */
public final class DepartmentRegistry {

    /** Classpath location of the registry file's JSON Schema. */
    public static final String SCHEMA = "schema/config/departments.schema.json";

    private static final SchemaCheck SCHEMA_CHECK = SchemaCheck.ofResource(SCHEMA);

    private final List<Department> all;
    private final Map<String, Department> byCode = new LinkedHashMap<>();
    private final Department bureau;

    private DepartmentRegistry(List<Department> departments) {
        this.all = List.copyOf(departments);
        all.forEach(d -> byCode.put(d.code(), d));
        this.bureau = all.stream().filter(d -> d.kind() == DepartmentKind.BUREAU).findFirst().orElseThrow();
    }

    /**
     * Reads and checks a registry file: its schema first, then the rules of {@link RegistryRules}.
     *
     * @throws ConfigException naming the file, line and key of every problem found
     */
    public static DepartmentRegistry load(Path file) {
        YamlDocument doc = YamlDocument.load(file);
        SCHEMA_CHECK.check(doc);
        List<Department> departments = new ArrayList<>();
        doc.root().path("departments").forEach(node -> departments.add(read(node)));
        List<Problem> problems = RegistryRules.check(doc, departments);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new DepartmentRegistry(departments);
    }

    /** The unit with this code, if registered. */
    public Optional<Department> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The unit with this code.
     *
     * @throws IllegalArgumentException {@code unknown department 'xyz'} if it is not registered
     */
    public Department require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown department '" + code + "'"));
    }

    /** Every unit, in file order. */
    public List<Department> all() {
        return all;
    }

    /** The comprehensive enforcement bureau, the "1". */
    public Department bureau() {
        return bureau;
    }

    /** The Justice Bureau (司法局) that decides case-jurisdiction disputes (R-TRANSFER-BOUNDARY), if registered. */
    public Optional<Department> justice() {
        return all.stream().filter(d -> d.kind() == DepartmentKind.JUSTICE).findFirst();
    }

    /** The unit whose official Chinese name is {@code nameZh}, if registered. */
    public Optional<Department> findByName(String nameZh) {
        return all.stream().filter(d -> d.nameZh().equals(nameZh)).findFirst();
    }

    /** Units registered as sources of {@code category}, in file order. */
    public List<Department> providersOf(Category category) {
        return all.stream().filter(d -> d.mayProvide(category)).toList();
    }

    /** Units entitled to receive {@code category}, in file order. */
    public List<Department> consumersOf(Category category) {
        return all.stream().filter(d -> d.mayConsume(category)).toList();
    }

    /** Maps one schema-valid entry; the schema guarantees the types and enum values. */
    private static Department read(JsonNode node) {
        return new Department(
                node.path("code").asText(),
                DepartmentKind.valueOf(node.path("kind").asText()),
                node.path("nameZh").asText(),
                node.path("nameEn").asText(),
                node.path("liaisonRole").asText(),
                node.hasNonNull("creditCode") ? node.get("creditCode").asText() : null,
                categories(node.path("provides")),
                categories(node.path("consumes")));
    }

    private static Set<Category> categories(JsonNode list) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        list.forEach(c -> out.add(Category.valueOf(c.asText())));
        return out;
    }

    @Override
    public String toString() {
        return "DepartmentRegistry" + byCode.keySet();
    }
}
