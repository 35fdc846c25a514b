/**
 * The sharing policy (共享目录, R-CATEGORIES) and the single point that enforces it.
 * <ul>
 * <li>{@link org.onex.hub.policy.SharingPolicy}, read from {@code config/sharing-policy.yaml} by
 * {@link org.onex.hub.policy.PolicyReader} and checked at start-up against the department registry: per category who
 * may provide it and which roles receive it, and per role which fields are shown, masked or removed.</li>
 * <li>{@link org.onex.hub.policy.SharingEnforcer}, which every channel (REST, broker topics, deliveries, push,
 * console) calls: provider check, per-client view of a record, receivable categories, quarantine masking.</li>
 * <li>Who a caller is, as the rest of the hub sees it: {@link org.onex.hub.policy.Client} and
 * {@link org.onex.hub.policy.Role}.</li>
 * </ul>
 * May use {@code schema}, {@code masking}, {@code config}, {@code registry}, {@code mapping} and {@code store}; never a
 * channel, so that every channel can call it. See docs/security.md.
 */
package org.onex.hub.policy;
