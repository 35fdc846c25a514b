/**
 * The jar's commands ({@link org.onex.hub.cli.HubCommand}): {@code java -jar onex-hub.jar <command>} runs one
 * instead of the hub. Each feature package registers its own in {@code META-INF/services} ({@code validate} and
 * {@code dry-run} in {@code ops}, {@code password-hash} in {@code console}, {@code benchmark} in {@code bench},
 * {@code faults} in {@code faults}); the administrative commands that run against the hub's store without starting
 * the hub live here: {@code audit-verify} ({@link org.onex.hub.cli.AuditCommand}) and {@code clients}
 * ({@link org.onex.hub.cli.ApiClientsCommand}), both on the small Spring context of
 * {@link org.onex.hub.cli.CommandStore}. Every command parses its arguments with picocli through
 * {@link org.onex.hub.cli.CommandLines}, which words usage errors alike for all. Uses {@code audit}, {@code auth}, {@code policy} and {@code registry};
 * the main class uses it to find commands by name.
 */
package org.onex.hub.cli;
