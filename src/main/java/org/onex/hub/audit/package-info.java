/**
 * The tamper-evident audit log (审计): a hash chain of who read, pushed, replayed or changed what
 * ({@link org.onex.hub.audit.AuditLog}), checked by {@link org.onex.hub.audit.AuditVerifier}, anchored outside the
 * store at a fixed period so that a truncation after the last anchor is reported
 * ({@link org.onex.hub.audit.AuditAnchoring}), trimmed by {@link org.onex.hub.audit.AuditRetention}, and, for feed
 * reads over the broker, kept across a crash ({@link org.onex.hub.audit.BrokerReadProgress}).
 * <p>
 * May use {@code policy} (who a client is), {@code masking} (audit details are masked by value kind) and
 * {@code alert} (the error route its housekeeping routes share). Every channel may write to it. See
 * docs/audit-and-keys.md.
 */
package org.onex.hub.audit;
