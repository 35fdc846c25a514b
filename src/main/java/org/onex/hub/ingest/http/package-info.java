/**
 * HTTP source kind: the {@code http-source} route template that department route files instantiate,
 * pulling a department's REST API page by page with a since-cursor stored with the data, retrying
 * 5xx/timeouts with back-off and stopping a feed the API refuses (4xx) with a {@code SOURCE_STOPPED} alert.
 */
package org.onex.hub.ingest.http;
