package org.onex.hub.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.onex.hub.mapping.ColumnUse;
import org.onex.hub.masking.ValueMasker;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentKind;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The single enforcement point of the sharing policy: every channel that lets data in or out —
 * push and pull ingest, the REST feed and record lookups, Artemis subscriptions, deliveries, quarantine views,
 * exports — asks this bean, so that a role sees the same thing on every channel. Stateless; default deny: an
 * unknown client, role, unit or category gets nothing.
 *
 * <p>A client acts for a unit of the department registry when its role is bureau, department or office: the
 * department role names its unit in {@link Client#department()}; for bureau and office a missing code means the
 * registry's only unit of that kind. A client whose unit is unknown, or of another kind than its role, is denied
 * everything (a mis-mapped API key must not widen access).
 */
@Component
public class SharingEnforcer {

    private final SharingPolicy policy;
    private final DepartmentRegistry registry;

    public SharingEnforcer(SharingPolicy policy, DepartmentRegistry registry) {
        this.policy = policy;
        this.registry = registry;
    }

    /**
     * May {@code department} provide records of {@code category}? The caller quarantines a denied row with
     * {@link Decision#reason()} ({@code not entitled to provide C6}) and raises an alert with
     * {@link Decision#detail()}. Allowed only when the policy admits the unit's role (or code) and the registry
     * lists the category under the unit's {@code provides} (R-CATEGORIES).
     */
    public Decision mayProvide(String department, Category category) {
        Objects.requireNonNull(category, "category");
        String reason = "not entitled to provide " + category;
        Department unit = department == null ? null : registry.find(department).orElse(null);
        if (unit == null) {
            return Decision.deny(reason, "unit '" + department + "' is not in departments.yaml");
        }
        if (!policy.admitsProvider(unit, category)) {
            return Decision.deny(reason, policy.rule(category)
                    .map(r -> r.where() + " categories." + category + ".providers allows only " + r.providers())
                    .orElse(policy.file() + " does not exist: nothing may be provided"));
        }
        if (!unit.mayProvide(category)) {
            return Decision.deny(reason, "departments.yaml does not list " + category + " under provides of "
                    + unit.code());
        }
        return Decision.allow();
    }

    /**
     * How much of {@code category} the client receives: what the policy grants its role, and — for a client
     * acting for a unit — only if the registry lists the category under the unit's {@code consumes}.
     */
    public Access access(Client client, Category category) {
        if (client == null || client.role() == null) {
            return Access.NONE;
        }
        Access granted = policy.access(client.role(), category);
        if (granted == Access.NONE || SharingPolicy.unitKind(client.role()).isEmpty()) {
            return granted;
        }
        return unit(client).filter(u -> u.mayConsume(category)).isPresent() ? granted : Access.NONE;
    }

    /**
     * The categories the client receives anything of (all or own records): restricts REST queries and the
     * Artemis addresses it may subscribe to. For a category with {@link #access} {@link Access#OWN} (a
     * department's C3) a channel must also filter by the concerned unit: do not give such a client a topic
     * that carries every unit's records.
     */
    public Set<Category> receivable(Client client) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if (access(client, c) != Access.NONE) {
                out.add(c);
            }
        }
        return out;
    }

    /** The registry code of the unit the client acts for; empty for operator and admin, or a mis-mapped client. */
    public Optional<String> unitOf(Client client) {
        return unit(client).map(Department::code);
    }

    /**
     * The client's copy of a record (hub envelope JSON), masked by its role's field rules, or empty if it may not
     * see the record at all. A unit sees the records it provided itself unmasked when the policy says
     * {@code providersSeeOwnRecords}. Never changes {@code record}.
     *
     * @param concernedDepartment the unit the record concerns, for categories the client receives only
     *                            {@link Access#OWN} of (for C3: the department the decision is delivered to,
     *                            R-PENALTY-FEEDBACK); may be null, which denies such records
     */
    public Optional<ObjectNode> view(Client client, JsonNode record, String concernedDepartment) {
        if (client == null || record == null || !record.isObject()) {
            return Optional.empty();
        }
        Category category = category(record);
        if (category == null) {
            return Optional.empty();
        }
        String provider = record.path("identity").path("department").asText(null);
        return switch (shown(client, category, provider, concernedDepartment)) {
        case NOTHING -> Optional.empty();
        case WHOLE -> Optional.of(((ObjectNode) record).deepCopy());
        case FIELDS -> Optional.of(FieldMasker.view(record, category, policy.fieldRules(client.role()),
                !policy.seesPersonalData(client.role())));
        };
    }

    /**
     * Whether {@link #view} gives this client every record of {@code category} that {@code provider} provided
     * exactly as stored, decided without reading the record: the unit's own records, or a role that sees personal
     * data and whose first field rule for the category allows every field ({@code path: "*"}) whatever the record
     * holds. The REST feed then serves the stored text itself instead of parsing, copying and writing each envelope
     * again (issue 18). False whenever the view could differ or be empty; the caller then asks {@link #view}, so the
     * policy's field rules and value masking (R-CATEGORIES) apply to everyone else as before.
     */
    public boolean seesAsStored(Client client, Category category, String provider, String concernedDepartment) {
        if (client == null || category == null) {
            return false;
        }
        return switch (shown(client, category, provider, concernedDepartment)) {
        case NOTHING -> false;
        case WHOLE -> true;
        case FIELDS -> policy.seesPersonalData(client.role())
                && FieldMasker.allowsAll(category, policy.fieldRules(client.role()));
        };
    }

    /** How much of a record the client is shown, from what the record is and who provided it. */
    private enum Shown {
        NOTHING, WHOLE, FIELDS
    }

    private Shown shown(Client client, Category category, String provider, String concernedDepartment) {
        Optional<Department> unit = unit(client);
        if (policy.providersSeeOwnRecords() && unit.isPresent() && unit.get().code().equals(provider)) {
            return Shown.WHOLE;
        }
        Access access = access(client, category);
        if (access == Access.NONE
                || access == Access.OWN && !unit.map(u -> u.code().equals(concernedDepartment)).orElse(false)) {
            return Shown.NOTHING;
        }
        return Shown.FIELDS;
    }

    /**
     * Whether the client sees ID and mobile numbers as they are on channels that are not records (obligations,
     * alerts, files, deliveries, audit, scorecards, console pages): only the roles of the policy's {@code unmasked}.
     */
    public boolean seesPersonalData(Client client) {
        return client != null && policy.seesPersonalData(client.role());
    }

    /**
     * The one value-kind enforcement point for everything that is not a record view: a copy of
     * {@code tree} with every ID and mobile number masked wherever it appears ({@link ValueMasker}), unless the
     * client {@link #seesPersonalData sees personal data}. Never changes {@code tree}.
     */
    public JsonNode maskValues(Client client, JsonNode tree) {
        return tree == null || seesPersonalData(client) ? tree : ValueMasker.tree(tree);
    }

    /** As {@link #maskValues(Client, JsonNode)} for text: a CSV file, an HTML page, a message. */
    public String maskValues(Client client, String text) {
        return seesPersonalData(client) ? text : ValueMasker.text(text);
    }

    /** As {@link #maskQuarantinePayload(Client, String, JsonNode)} for a row whose unit is not known. */
    public JsonNode maskQuarantinePayload(Client client, JsonNode rawRow) {
        return maskQuarantinePayload(client, null, rawRow);
    }

    /**
     * A quarantined source row (raw columns of any name) as the client may see it. Unmasked for the unit that
     * provided the row (when {@code providersSeeOwnRecords}) and for the roles of {@code quarantine.unmasked};
     * for everyone else, columns listed under {@code quarantine.columns} are masked by their kind whatever the
     * value looks like (an ID number with a wrong length is still masked), and every other value by
     * {@link Masking#maskText}. Never changes {@code rawRow}.
     */
    public JsonNode maskQuarantinePayload(Client client, String rowDepartment, JsonNode rawRow) {
        return maskQuarantinePayload(client, rowDepartment, rawRow, List.of());
    }

    /**
     * A quarantined source row as the client may see it, each column masked by what the feed's mapping makes of
     * it ({@code columnUses}, {@link org.onex.hub.mapping.CompiledMapping#columnUses()}): a column that becomes a
     * personal name, an ID number or a phone is masked as the client's role sees that field in records, whatever
     * the column is called (法定代表人, 法定代表人证件号码 …); columns no mapping names fall back to
     * {@code quarantine.columns} and then to the shape of their values. Unmasked for the
     * providing unit and the roles of {@code quarantine.unmasked}, as above. Never changes {@code rawRow}.
     */
    public JsonNode maskQuarantinePayload(Client client, String rowDepartment, JsonNode rawRow,
            List<ColumnUse> columnUses) {
        if (rawRow == null) {
            return null;
        }
        if (seesQuarantineRaw(client, rowDepartment)) {
            return rawRow.deepCopy();
        }
        return QuarantineMasker.mask(rawRow, policy, client == null ? null : client.role(), columnUses);
    }

    /**
     * What a quarantine entry says besides its payload (source key, sourceRef, failure reasons) as the client may
     * see it: as it is for whoever sees the raw row, otherwise with ID and mobile numbers masked by value.
     */
    public String maskQuarantineText(Client client, String rowDepartment, String text) {
        return seesQuarantineRaw(client, rowDepartment) ? text : ValueMasker.text(text);
    }

    /** The providing unit (with {@code providersSeeOwnRecords}) and the roles of {@code quarantine.unmasked}. */
    private boolean seesQuarantineRaw(Client client, String rowDepartment) {
        boolean own = policy.providersSeeOwnRecords() && rowDepartment != null
                && unitOf(client).map(rowDepartment::equals).orElse(false);
        return own || client != null && policy.quarantineUnmasked(client.role());
    }

    /** The unit a client acts for, if its role has one and it resolves to a registry unit of that kind. */
    private Optional<Department> unit(Client client) {
        if (client == null) {
            return Optional.empty();
        }
        return SharingPolicy.unitKind(client.role()).flatMap(kind -> {
            if (client.department() != null) {
                return registry.find(client.department()).filter(d -> d.kind() == kind);
            }
            List<Department> ofKind = registry.all().stream().filter(d -> d.kind() == kind).toList();
            return kind != DepartmentKind.DEPARTMENT && ofKind.size() == 1
                    ? Optional.of(ofKind.get(0))
                    : Optional.empty();
        });
    }

    private static Category category(JsonNode record) {
        try {
            return Category.valueOf(record.path("category").asText(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The policy in force, for channels that need its rules directly (e.g. the console's policy page). */
    public SharingPolicy policy() {
        return policy;
    }
}
