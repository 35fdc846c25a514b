/**
 * Alerts and route health, the floor every feature reports to: {@link org.onex.hub.alert.Alerts} (raise, close,
 * publish to the alerts topic and the webhook), {@link org.onex.hub.alert.SourceHealth} (each source route's
 * failures in a row and last success), {@link org.onex.hub.alert.Causes} (a failure in one line) and the error
 * route configurations that every source and delivery route uses. It depends on {@code store}, {@code schema},
 * {@code registry} and {@code masking}; nothing here knows ingest, delivery or the console.
 */
package org.onex.hub.alert;
