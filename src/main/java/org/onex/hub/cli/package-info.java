/**
 * Administrative commands that run against the hub's store without starting the hub: {@code audit-verify}
 * ({@link org.onex.hub.cli.AuditCommand}) and {@code clients} ({@link org.onex.hub.cli.ApiClientsCommand}), both on
 * the small Spring context of {@link org.onex.hub.cli.CommandStore}. A ceiling package: it uses {@code audit},
 * {@code auth}, {@code policy} and {@code registry}; nothing uses it but {@code HubApplication}.
 */
package org.onex.hub.cli;
