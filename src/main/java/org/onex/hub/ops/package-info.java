/**
 * Operations, a ceiling over the features: start-up wiring of the department route files and their supervision,
 * settings checks, metrics, health, operator actions (replay, retry) and the {@code validate} and {@code dry-run}
 * commands. It uses ingest, delivery, deadline, calendar and security; none of them uses it (alerts and route
 * health are in {@code alert}).
 */
package org.onex.hub.ops;
