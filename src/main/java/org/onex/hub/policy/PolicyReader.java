package org.onex.hub.policy;

import static org.onex.hub.config.YamlDocument.pointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.SchemaCheck;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.masking.MaskKind;
import org.onex.hub.policy.SharingPolicy.CategoryRule;
import org.onex.hub.policy.SharingPolicy.ColumnRule;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code config/sharing-policy.yaml}: its JSON Schema first (unknown categories, roles, actions and mask
 * kinds), then what a schema cannot say — provider entries that are neither a role nor a unit code, {@code own}
 * for a role without a unit, paths that are malformed or name no field of a record, {@code when} values the
 * record schema does not allow, a consumer role without field rules — and finally
 * {@link RegistryCrossCheck}. Every problem names the file, line and key, as the other {@code config/} files do.
 */
final class PolicyReader {

    private static final SchemaCheck SCHEMA_CHECK = SchemaCheck.ofResource(SharingPolicy.SCHEMA);
    private static final List<String> PROVIDER_ROLES = List.of("bureau", "department", "office");

    private final YamlDocument doc;
    private final DepartmentRegistry registry;
    private final List<Problem> problems = new ArrayList<>();
    /** Rule lists already read, by first line and content: a YAML alias (office: *masked) is read once. */
    private final Map<String, List<FieldRule>> readLists = new HashMap<>();

    private PolicyReader(YamlDocument doc, DepartmentRegistry registry) {
        this.doc = doc;
        this.registry = registry;
    }

    static SharingPolicy read(Path file, DepartmentRegistry registry, Path registryFile) {
        YamlDocument doc = YamlDocument.load(file);
        List<Problem> schemaProblems = SCHEMA_CHECK.problems(doc);
        if (!schemaProblems.isEmpty()) {
            throw new ConfigException(oncePerLine(schemaProblems));
        }
        PolicyReader reader = new PolicyReader(doc, registry);
        SharingPolicy policy = reader.build();
        if (reader.problems.isEmpty()) {
            reader.problems.addAll(RegistryCrossCheck.check(policy, registry, registryFile));
        }
        if (!reader.problems.isEmpty()) {
            throw new ConfigException(oncePerLine(reader.problems));
        }
        return policy;
    }

    /**
     * Drops a problem repeated on the same line with the same reason: the copies an alias makes
     * ({@code office: *masked}) point at the anchor's lines and would otherwise report each mistake once per role.
     */
    private static List<Problem> oncePerLine(List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        return problems.stream().filter(p -> seen.add(p.file() + ":" + p.line() + ":" + p.reason())).toList();
    }

    private SharingPolicy build() {
        JsonNode root = doc.root();
        Map<Category, CategoryRule> categories = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            categories.put(c, category(c, root.path("categories").path(c.name())));
        }
        Map<Role, List<FieldRule>> fields = new EnumMap<>(Role.class);
        root.path("fields").properties()
                .forEach(e -> fields.put(role(e.getKey()), fieldRules(e.getKey(), e.getValue())));
        categories.forEach((c, rule) -> rule.consumers().keySet().stream().filter(r -> !fields.containsKey(r))
                .forEach(r -> withoutFieldRules(c, SharingPolicy.key(r))));
        Set<Role> unmasked = EnumSet.noneOf(Role.class);
        root.path("quarantine").path("unmasked").forEach(r -> unmasked.add(role(r.asText())));
        List<ColumnRule> columns = new ArrayList<>();
        root.path("quarantine").path("columns").forEach(c -> columns.add(new ColumnRule(c.path("column").asText(),
                MaskKind.of(c.path("mask").asText()).orElseThrow())));
        Set<Role> personalData = EnumSet.noneOf(Role.class);
        root.path("unmasked").forEach(r -> personalData.add(role(r.asText())));
        return new SharingPolicy(doc.file(), categories, root.path("providersSeeOwnRecords").asBoolean(), fields,
                personalData, unmasked, columns);
    }

    /** A role that receives a category but has no field rules would see empty records: surely a mistake. */
    private void withoutFieldRules(Category c, String role) {
        problems.add(doc.problem(pointer("categories", c.name(), "consumers", role), role + " receives " + c
                + " but fields has no rules for " + role + ", so it would see no field; add fields." + role));
    }

    private CategoryRule category(Category c, JsonNode node) {
        List<String> providers = new ArrayList<>();
        JsonNode list = node.path("providers");
        for (int i = 0; i < list.size(); i++) {
            String p = list.get(i).asText();
            providers.add(p);
            if (PROVIDER_ROLES.contains(p) || registry.find(p).isPresent()) {
                continue;
            }
            String at = pointer("categories", c.name(), "providers", i);
            problems.add(doc.problem(at, List.of("operator", "admin").contains(p)
                    ? p + " acts for no unit and cannot provide records"
                    : "'" + p + "' is neither a providing role (" + String.join(", ", PROVIDER_ROLES)
                            + ") nor a unit code of departments.yaml"));
        }
        Map<Role, Access> consumers = new EnumMap<>(Role.class);
        node.path("consumers").properties().forEach(e -> {
            Role role = role(e.getKey());
            Access access = Access.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT));
            if (access == Access.OWN && SharingPolicy.unitKind(role).isEmpty()) {
                problems.add(doc.problem(pointer("categories", c.name(), "consumers", e.getKey()), e.getKey()
                        + " acts for no unit, so 'own' would never match; use all or leave the role out"));
            }
            consumers.put(role, access);
        });
        return new CategoryRule(providers, consumers, doc.file() + ":" + doc.line(pointer("categories", c.name())));
    }

    private List<FieldRule> fieldRules(String roleKey, JsonNode list) {
        String identity = doc.line(pointer("fields", roleKey, 0)) + ":" + list;
        List<FieldRule> known = readLists.get(identity);
        if (known != null) {
            return known; // an alias of a list already checked: its problems are reported once, at its lines
        }
        List<FieldRule> rules = new ArrayList<>();
        readLists.put(identity, rules);
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = pointer("fields", roleKey, i);
            FieldPath path = path(n.path("path").asText(), at + "/path", true);
            FieldRule.Action action = FieldRule.Action.valueOf(n.path("action").asText().toUpperCase(Locale.ROOT));
            if (action != FieldRule.Action.MASK && n.has("mask")) {
                problems.add(doc.problem(at + "/mask", "mask is only for action mask (this rule is '"
                        + n.path("action").asText() + "')"));
            }
            MaskKind mask = action == FieldRule.Action.MASK ? MaskKind.of(n.path("mask").asText()).orElseThrow() : null;
            List<FieldRule.Condition> when = new ArrayList<>();
            n.path("when").properties().forEach(e -> condition(e.getKey(), e.getValue(), at + "/when", when));
            Set<Category> categories = EnumSet.noneOf(Category.class);
            n.path("categories").forEach(c -> categories.add(Category.valueOf(c.asText())));
            if (path != null) {
                rules.add(new FieldRule(path, action, mask, when, categories, doc.line(at)));
            }
        }
        return rules;
    }

    private void condition(String key, JsonNode value, String whenAt, List<FieldRule.Condition> out) {
        String at = whenAt + YamlDocument.pointer(key);
        FieldPath path = path(key, at, false);
        if (path == null) {
            return;
        }
        List<String> allowed = RecordPaths.allowedValues(path);
        Set<String> values = new HashSet<>();
        boolean absent = false;
        for (JsonNode v : value.isArray() ? value : List.of(value)) {
            if (v.isNull()) {
                absent = true;
            } else if (!allowed.isEmpty() && !allowed.contains(v.asText())) {
                problems.add(doc.problem(at, "'" + v.asText() + "' is not one of " + String.join(", ", allowed)));
            } else {
                values.add(v.asText());
            }
        }
        out.add(new FieldRule.Condition(path.segments(), values, absent));
    }

    /** A checked path, or null after adding its problem; a {@code when} path must name one field (no wildcard). */
    private FieldPath path(String text, String at, boolean wildcards) {
        try {
            FieldPath path = FieldPath.parse(text);
            if (!wildcards && text.contains("*")) {
                problems.add(doc.problem(at, "a when path names one field; '*' is not allowed in '" + text + "'"));
                return null;
            }
            String problem = RecordPaths.problem(path).orElse(null);
            if (problem != null) {
                problems.add(doc.problem(at, "path '" + text + "': " + problem));
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(at, e.getMessage()));
            return null;
        }
    }

    /** A role name the schema has already checked. */
    private static Role role(String key) {
        return Role.valueOf(key.toUpperCase(Locale.ROOT));
    }
}
