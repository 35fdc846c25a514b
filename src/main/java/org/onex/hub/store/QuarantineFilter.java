package org.onex.hub.store;

/** Filters of the quarantine list; null means any. */
public record QuarantineFilter(String department, String feed, String rule, String status) {
}
