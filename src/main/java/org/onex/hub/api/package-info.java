/**
 * The hub's REST API (Camel REST DSL on platform-http, OpenAPI served at /api/v1/openapi.json): the
 * unified feed, records with their versions, the schema, the department registry and the quarantine.
 */
package org.onex.hub.api;
