/**
 * The hub's REST API under {@code /api/v1}: the unified feed and its records, the envelope schema, the department
 * registry, pushes, and the operators' quarantine, files, alerts, deliveries, obligations, scorecards and audit.
 * The REST DSL only routes; each operation is a bean building its answer, masked for the caller
 * ({@link org.onex.hub.api.ApiResponseMasking} or the sharing enforcer's views), compact unless {@code ?pretty}
 * ({@link org.onex.hub.api.ApiJson}). The contract is the hand-written OpenAPI document
 * {@code openapi/hub-api-v1.yaml} ({@link org.onex.hub.api.OpenApiDocument}), checked against live answers.
 * Uses the floors, {@code policy}, {@code audit}, {@code auth} and the features; nothing uses it.
 */
package org.onex.hub.api;
