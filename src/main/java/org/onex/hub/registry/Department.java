package org.onex.hub.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.onex.hub.schema.Category;

/**
 * One unit of the registry, as written in {@code config/departments.yaml}.
 *
 * @param code        stable lower-case code (pinyin initials), e.g. {@code gaj}
 * @param kind        bureau, department or office
 * @param nameZh      official Chinese name
 * @param nameEn      English name
 * @param liaisonRole R-CONTACT: the liaison post, never a person's name
 * @param creditCode  the unit's unified social credit code, or {@code null} while not confirmed
 * @param provides    categories the unit sends to the hub (R-CATEGORIES)
 * @param consumes    categories the unit receives from the hub (R-CATEGORIES)
 */
public record Department(
        String code,
        DepartmentKind kind,
        String nameZh,
        String nameEn,
        String liaisonRole,
        String creditCode,
        Set<Category> provides,
        Set<Category> consumes) {

    public Department {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        provides = immutable(provides);
        consumes = immutable(consumes);
    }

    /** Whether the unit is registered as a source of {@code category}. */
    public boolean mayProvide(Category category) {
        return provides.contains(category);
    }

    /** Whether the unit is entitled to receive {@code category}. */
    public boolean mayConsume(Category category) {
        return consumes.contains(category);
    }

    private static Set<Category> immutable(Collection<Category> categories) {
        return categories == null || categories.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
