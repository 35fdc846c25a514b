/**
 * The department registry: who takes part in the 1+X collaboration (the bureau, the
 * business-competent departments and the leadership-group office), read from
 * {@code config/departments.yaml}, checked against {@code schema/config/departments.schema.json}
 * and the rules the schema cannot express, and exposed as the {@link
 * org.onex.hub.registry.DepartmentRegistry} bean. Owns the unit codes and which categories of
 * R-CATEGORIES each unit may provide and consume. Depends on {@code schema} and {@code config}.
 */
package org.onex.hub.registry;
