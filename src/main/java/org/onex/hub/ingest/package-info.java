/**
 * The ingest pipeline every source kind shares: map each source row with its department feed's
 * mapping, validate it, store valid records idempotently, quarantine the rest with their reasons, and
 * move the source's cursor, all in one transaction. Source kinds live in sub-packages ({@code jdbc},
 * later {@code sftp} and {@code rest}) and hand batches to {@code direct:ingest}.
 */
package org.onex.hub.ingest;
