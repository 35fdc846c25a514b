/**
 * The hub's REST API under {@code /api/v1}: the unified feed and its records, the envelope schema, the department
 * registry, pushes, and the operators' quarantine, files, alerts, deliveries, obligations, scorecards and audit.
 * Spring MVC controllers, like the console's, behind the same Spring Security filter chain: each operation
 * returns a typed answer, which {@link org.onex.hub.api.ApiAnswers} masks for the caller (unless the sharing
 * enforcer's views did, item by item) and writes compact unless {@code ?pretty}; {@link org.onex.hub.api.ApiErrors}
 * answers every refusal as an RFC 9457 problem body. The contract is the hand-written OpenAPI document
 * {@code openapi/hub-api-v1.yaml} ({@link org.onex.hub.api.OpenApiDocument}), checked against live answers.
 * Uses the floors, {@code policy}, {@code audit}, {@code auth} and the features; nothing uses it.
 */
package org.onex.hub.api;
