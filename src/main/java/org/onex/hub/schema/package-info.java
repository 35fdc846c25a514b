/**
 * Shared schema v1: the record envelope every department's data is normalized into, the seven
 * sharing categories of R-CATEGORIES, and the validators for subject identifiers, dates and money.
 * Depends on nothing else in the hub.
 */
package org.onex.hub.schema;
