/**
 * Declarative mappings ({@code mappings/<dept>/<feed>.yaml}) from a department's source rows to the
 * shared schema: column or Camel Simple expression, type conversion, code-list translation,
 * constants. Mappings are compiled at start-up; a broken one fails with file, line, key and reason.
 */
package org.onex.hub.mapping;
