package org.onex.hub.policy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onex.hub.config.ConfigException;
import org.onex.hub.masking.MaskKind;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentKind;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

/**
 * The sharing policy (共享目录) of {@code config/sharing-policy.yaml}: per category of R-CATEGORIES who may
 * provide it and which consumer roles receive it (all, or only records concerning their own unit), and per
 * consumer role what it sees of each field (allow, mask, deny). Default deny: what the file does not allow is
 * denied. Immutable; a changed file takes effect at the next start, after the checks of {@link PolicyReader}.
 *
 * <p>The policy states rules by role; the department registry states the facts of each unit (which department
 * runs cameras and so provides C6, which categories a unit is wired to receive). A unit's right is what both
 * grant, and the start-up check reports a registry entry that goes beyond the policy (docs/security.md).
 */
public final class SharingPolicy {

    /** File name inside {@code hub.config-dir}. */
    public static final String FILE = "sharing-policy.yaml";

    /** Classpath location of the file's JSON Schema. */
    public static final String SCHEMA = "schema/config/sharing-policy.schema.json";

    /**
     * The rule of one category.
     *
     * @param providers roles ({@code bureau}, {@code department}, {@code office}) or unit codes that may provide it
     * @param consumers access per consumer role; a role left out receives nothing
     * @param where     {@code file:line} of the category's entry, for messages
     */
    public record CategoryRule(List<String> providers, Map<Role, Access> consumers, String where) {
        public CategoryRule {
            providers = List.copyOf(providers);
            consumers = consumers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(consumers));
        }
    }

    /** A quarantine column masked by kind whatever its value looks like; {@code column} may hold {@code *}. */
    public record ColumnRule(String column, MaskKind mask) {
        Pattern pattern() {
            return FieldPath.glob(column, Pattern.CASE_INSENSITIVE);
        }
    }

    private final Path file;
    private final Map<Category, CategoryRule> categories;
    private final boolean providersSeeOwnRecords;
    private final Map<Role, List<FieldRule>> fields;
    private final Set<Role> unmasked;
    private final Set<Role> quarantineUnmasked;
    private final List<ColumnRule> quarantineColumns;
    private final List<Pattern> columnPatterns;

    SharingPolicy(Path file, Map<Category, CategoryRule> categories, boolean providersSeeOwnRecords,
            Map<Role, List<FieldRule>> fields, Set<Role> unmasked, Set<Role> quarantineUnmasked,
            List<ColumnRule> quarantineColumns) {
        this.file = file;
        this.categories = Map.copyOf(categories);
        this.providersSeeOwnRecords = providersSeeOwnRecords;
        this.fields = Map.copyOf(fields);
        this.unmasked = Set.copyOf(unmasked);
        this.quarantineUnmasked = Set.copyOf(quarantineUnmasked);
        this.quarantineColumns = List.copyOf(quarantineColumns);
        this.columnPatterns = quarantineColumns.stream().map(ColumnRule::pattern).toList();
    }

    /**
     * Reads and checks the policy, then checks that the registry does not contradict it.
     *
     * @param file         {@code config/sharing-policy.yaml}
     * @param registry     the loaded department registry
     * @param registryFile the registry's file, to name the line of a contradiction
     * @throws ConfigException naming the file, line and key of every problem found
     */
    public static SharingPolicy load(Path file, DepartmentRegistry registry, Path registryFile) {
        return PolicyReader.read(file, registry, registryFile);
    }

    /** The empty policy: no unit may provide or receive anything (default deny). */
    public static SharingPolicy denyAll(Path file) {
        return new SharingPolicy(file, Map.of(), false, Map.of(), Set.of(), Set.of(), List.of());
    }

    /** The file the policy was read from. */
    public Path file() {
        return file;
    }

    /** The rule of {@code category}, empty when the policy has none (deny-all). */
    public Optional<CategoryRule> rule(Category category) {
        return Optional.ofNullable(categories.get(category));
    }

    /** What the policy alone grants {@code role} of {@code category} (the registry may narrow it). */
    public Access access(Role role, Category category) {
        CategoryRule rule = categories.get(category);
        return rule == null || role == null ? Access.NONE : rule.consumers().getOrDefault(role, Access.NONE);
    }

    /** Whether the policy lets {@code unit} provide {@code category}: its role or its own code is a provider. */
    public boolean admitsProvider(Department unit, Category category) {
        CategoryRule rule = categories.get(category);
        return rule != null && (rule.providers().contains(unit.code()) || rule.providers().contains(key(unit.kind())));
    }

    /** Whether a unit always sees the records it provided itself, unmasked. */
    public boolean providersSeeOwnRecords() {
        return providersSeeOwnRecords;
    }

    /** The field rules of {@code role}, in file order; empty: it sees no field. */
    public List<FieldRule> fieldRules(Role role) {
        return role == null ? List.of() : fields.getOrDefault(role, List.of());
    }

    /**
     * Whether {@code role} sees personal data as it is (the policy's {@code unmasked}): the value-kind masking
     * ({@link ValueMasker}) does not apply to it on any channel; its field rules still do. Everyone else gets
     * every ID and mobile number masked wherever it appears.
     */
    public boolean seesPersonalData(Role role) {
        return role != null && unmasked.contains(role);
    }

    /** Whether {@code role} sees quarantined source rows unmasked. */
    public boolean quarantineUnmasked(Role role) {
        return role != null && quarantineUnmasked.contains(role);
    }

    /** How a quarantine column is masked whatever its value looks like; empty: only {@link Masking#maskText}. */
    public Optional<MaskKind> quarantineColumnMask(String column) {
        for (int i = 0; i < columnPatterns.size(); i++) {
            if (columnPatterns.get(i).matcher(column).matches()) {
                return Optional.of(quarantineColumns.get(i).mask());
            }
        }
        return Optional.empty();
    }

    /** The kind of registry unit a role acts for; empty for operator and admin, who act for no unit. */
    public static Optional<DepartmentKind> unitKind(Role role) {
        if (role == null) {
            return Optional.empty();
        }
        return switch (role) {
            case BUREAU -> Optional.of(DepartmentKind.BUREAU);
            case DEPARTMENT -> Optional.of(DepartmentKind.DEPARTMENT);
            case OFFICE -> Optional.of(DepartmentKind.OFFICE);
            default -> Optional.empty();
        };
    }

    /** The name of a role in the policy file: {@code bureau}, {@code department} … */
    public static String key(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The name in the policy file of the role that units of {@code kind} play. */
    static String key(DepartmentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SharingPolicy[" + file + ", " + categories.size() + " categories]";
    }
}
