/**
 * Security of the hub (issue 6): who may provide and who may see what, and proof of who did.
 * <ul>
 * <li>The sharing policy (共享目录) of {@code config/sharing-policy.yaml}: per category of R-CATEGORIES who may
 * provide it and which roles receive it, and per role which fields are shown, masked or removed
 * ({@link org.onex.hub.security.SharingPolicy}, checked at start-up against the department registry).</li>
 * <li>The single enforcement point every channel calls: {@link org.onex.hub.security.SharingEnforcer}
 * (provider check, per-client view of a record, receivable categories, quarantine payload masking).</li>
 * <li>Masking of personal data (脱敏), whose functions are in {@code masking}, applied to every log line by
 * {@link org.onex.hub.security.MaskingMessageConverter} (log hygiene).</li>
 * <li>The clients and their roles ({@link org.onex.hub.security.Client}, {@link org.onex.hub.security.Role}),
 * API keys, and the tamper-evident audit log: anchored outside the store ({@link org.onex.hub.security.AuditAnchoring})
 * and, for broker reads, kept across a crash ({@link org.onex.hub.security.BrokerReadProgress}) (issue 13).</li>
 * </ul>
 * The sharing policy and the enforcer depend only on {@code schema}, {@code masking}, {@code config} and
 * {@code registry}, so that every channel ({@code api}, {@code feed}, {@code delivery}, {@code ingest}) can call
 * them. See docs/security.md.
 */
package org.onex.hub.security;
