/**
 * 抄告 copy notices (issue 15 item 4, R-CHANNEL): what reaches a unit that has no system — a printable PDF in
 * Chinese with a tear-off receipt slip (回执) — and the receipt that tells the hub the unit has it. A floor below
 * delivery (whose {@code delivery-notice} channel issues the notices) and the exchanges (whose reply clocks start
 * at the receipt): it knows the record schema, the registry, the calendar and the store, nothing above them.
 */
package org.onex.hub.notice;
