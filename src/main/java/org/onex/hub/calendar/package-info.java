/**
 * The official working-day calendar and the rules for counting periods (POLICY.md "Counting
 * periods"). {@link org.onex.hub.calendar.WorkingCalendar} answers whether a day is a working day,
 * from the State Council's yearly holiday notices kept as {@code calendar/<year>.yaml} (built in,
 * and corrected or extended by an operator folder, see {@link org.onex.hub.calendar.CalendarLoader});
 * {@link org.onex.hub.calendar.Periods} turns an event and a period of R-APPROVAL-NOTICE,
 * R-PENALTY-FEEDBACK, R-ASSIST-REPLY or R-TRANSFER-DEADLINE into the instant it is due;
 * {@link org.onex.hub.calendar.CalendarYearCheck} warns when next year's notice has not been added.
 * Depends on {@code config} (YAML files) and on {@code ops} only for raising that alert.
 */
package org.onex.hub.calendar;
