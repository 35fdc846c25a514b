package org.onex.hub.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onex.hub.auth.BrokerRoles;
import org.onex.hub.policy.Access;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.policy.SharingPolicy;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.springframework.stereotype.Component;

/**
 * The Artemis addresses of the feed and who may consume them, derived once at start-up from the sharing policy
 * and the department registry through {@link SharingEnforcer#access} (never a matrix of its own):
 *
 * <ul>
 * <li>{@code hub.feed.<C>}: every version unmasked, internal (broker role {@code hub} only);</li>
 * <li>{@code hub.feed.<role>.<C>} for each role with {@code all} access to C: the role's masked view. Consumed by
 * the role ({@code office}), or — when only some units of the role are entitled — by those units'
 * {@code <role>:<unit>} roles;</li>
 * <li>{@code hub.feed.<role>.<unit>.<C>} for each unit with {@code own} access to C (a department's C3,
 * R-PENALTY-FEEDBACK): only the records concerning that unit, consumed by {@code <role>:<unit>} only.</li>
 * </ul>
 * Addresses are fixed at start-up; none is ever built from message content.
 */
@Component
public class FeedTopics {

    private final Map<Category, List<FeedTopic>> roleTopics = new EnumMap<>(Category.class);
    private final Map<Category, Map<String, FeedTopic>> unitTopics = new EnumMap<>(Category.class);

    public FeedTopics(SharingEnforcer enforcer, DepartmentRegistry registry) {
        for (Category c : Category.values()) {
            List<FeedTopic> forRoles = new ArrayList<>();
            Map<String, FeedTopic> forUnits = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                List<Client> clients = clients(role, registry);
                List<Client> all = clients.stream().filter(k -> enforcer.access(k, c) == Access.ALL).toList();
                if (!all.isEmpty()) {
                    Set<String> consumers = all.size() == clients.size() ? Set.of(BrokerRoles.of(role))
                            : all.stream().map(k -> BrokerRoles.ofUnit(role, k.department())).collect(Collectors.toSet());
                    forRoles.add(new FeedTopic(address(role, null, c), c, consumers, all, null));
                }
                for (Client k : clients) {
                    if (enforcer.access(k, c) == Access.OWN) {
                        forUnits.put(k.department(), new FeedTopic(address(role, k.department(), c), c,
                                Set.of(BrokerRoles.ofUnit(role, k.department())), List.of(k), k.department()));
                    }
                }
            }
            roleTopics.put(c, List.copyOf(forRoles));
            unitTopics.put(c, Collections.unmodifiableMap(forUnits));
        }
    }

    /** {@code hub.feed.C2}: the internal topic of a category, every version unmasked. */
    public static String internal(Category category) {
        return FeedHeaders.TOPIC_PREFIX + category.name();
    }

    /** The masked topics of the roles with {@code all} access to the category. */
    public List<FeedTopic> forRoles(Category category) {
        return roleTopics.get(category);
    }

    /** The per-unit topics of the category ({@code own} access), by unit code. */
    public Map<String, FeedTopic> forUnits(Category category) {
        return unitTopics.get(category);
    }

    /** Whether any unit receives only the records of the category that concern it. */
    public boolean hasUnitTopics(Category category) {
        return !unitTopics.get(category).isEmpty();
    }

    /** Every masked topic, role topics first, in category order. */
    public List<FeedTopic> all() {
        List<FeedTopic> out = new ArrayList<>();
        for (Category c : Category.values()) {
            out.addAll(roleTopics.get(c));
            out.addAll(unitTopics.get(c).values());
        }
        return out;
    }

    /** One client per registry unit acting for the role, or a single client for a role without units. */
    private static List<Client> clients(Role role, DepartmentRegistry registry) {
        String id = "feed:" + BrokerRoles.of(role);
        if (SharingPolicy.unitKind(role).isEmpty()) {
            return List.of(new Client(id, role, null));
        }
        List<Client> out = new ArrayList<>();
        for (Department d : registry.all()) {
            if (SharingPolicy.unitKind(role).get() == d.kind()) {
                out.add(new Client(id + ":" + d.code(), role, d.code()));
            }
        }
        return out;
    }

    private static String address(Role role, String unit, Category category) {
        return FeedHeaders.TOPIC_PREFIX + BrokerRoles.of(role) + "." + (unit == null ? "" : unit + ".")
                + category.name();
    }
}
