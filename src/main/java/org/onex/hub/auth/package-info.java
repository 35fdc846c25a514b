/**
 * Authentication: who is calling, on every way in.
 * <ul>
 * <li>API clients and their keys, stored only as hashes ({@link org.onex.hub.auth.ApiClients}), the REST key filter
 * ({@link org.onex.hub.auth.ApiKeyAuthenticationFilter}), mTLS and the per-client rate limit
 * ({@link org.onex.hub.auth.RateLimitFilter}).</li>
 * <li>The broker's logins and roles ({@link org.onex.hub.auth.BrokerSecurityManager}), and push keys for
 * departments ({@link org.onex.hub.auth.PushKeys}).</li>
 * <li>The console's login, with the shared login throttle and failed-login audit rows
 * ({@link org.onex.hub.auth.ConsoleLoginThrottle}, {@link org.onex.hub.auth.LoginAudit}), all wired in
 * {@link org.onex.hub.auth.WebSecurityConfiguration}.</li>
 * </ul>
 * May use {@code policy} (clients and roles), {@code audit}, {@code registry} and {@code web} (problem bodies);
 * never a channel or the console, which use it. See docs/security.md and docs/audit-and-keys.md.
 */
package org.onex.hub.auth;
