/**
 * The hub store: current records with their version history, source watermarks, the feed outbox and
 * the quarantine, all in one database (H2 embedded, PostgreSQL in production) migrated by Flyway.
 * Callers run these repositories inside one transaction so that records, watermark and outbox move
 * together (DESIGN.md correctness rules).
 */
package org.onex.hub.store;
