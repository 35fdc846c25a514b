/**
 * The deadline engine: the policy's obligations ({@code config/obligations.yaml}), their due
 * times on the official working-day calendar, evaluation of each arriving record (met or late, by how
 * much, and who caused the delay), the scan for open obligations that become overdue, reminders,
 * silent sources, and the scorecards of R-ASSESS.
 */
package org.onex.hub.deadline;
