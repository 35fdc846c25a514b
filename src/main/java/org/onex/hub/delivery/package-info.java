/**
 * Delivery of the bureau's C3 decisions back to the competent departments
 * (R-PENALTY-FEEDBACK): routing by matter code or licence, the outbox dispatcher feeding one durable
 * Artemis queue per department, the JDBC, SFTP and REST channel templates, dead letters and receipts.
 */
package org.onex.hub.delivery;
