/**
 * Shared schema v1: the record envelope every department's data is normalized into, the seven
 * sharing categories of R-CATEGORIES, and the validators for subject identifiers, dates and money.
 * {@link org.onex.hub.schema.HubJson} is its one JSON form (API, messages, content hash) and
 * {@code schema/hub-record-v1.schema.json} publishes that form; {@link org.onex.hub.schema.Rules} lists
 * the rule codes of {@link org.onex.hub.schema.Violation}. Depends on nothing else in the hub.
 */
package org.onex.hub.schema;
