/**
 * Cooperation exchanges of the 1+X mechanism (issue 15; POLICY.md "Enforcement cooperation", "Case transfer and
 * copy notice"): case transfers both ways (R-TRANSFER-MUTUAL), judicial transfers of suspected crimes
 * (R-JUDICIAL) and assistance requests (R-ASSIST-REPLY). An exchange carries the letter and its materials from a
 * sender to the competent receiver, the receiver's answer, an extension, and a jurisdiction dispute up to the
 * Justice Bureau. Every state change is one transaction that writes the exchange, an event, a version of the
 * exchange's C7 record (on the feed, under the same policy and obligations as any record) and an audit entry.
 * A feature beside ingest, deadline and delivery: it uses them, they do not know it.
 */
package org.onex.hub.exchange;
