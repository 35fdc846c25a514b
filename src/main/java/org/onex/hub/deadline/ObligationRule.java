package org.onex.hub.deadline;

import java.time.Instant;
import java.util.Set;

import org.onex.hub.calendar.Periods;
import org.onex.hub.calendar.WorkingCalendar;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;

/** One obligation of {@code config/obligations.yaml}, citing its rule ID of the policy. */
public record ObligationRule(String id, String nameZh, String nameEn, Category category, Set<RecordType> recordTypes,
        Provider provider, Event event, Completion completion, Period period, Period urgentPeriod,
        Responsible responsible) {

    public enum Provider { BUREAU, DEPARTMENT, ANY }

    public enum Event { DECIDED, ACTION_DATE }

    public enum Completion { STORED, DELIVERED, ACKNOWLEDGED, EXTERNAL }

    public enum Responsible { PROVIDER, PARTY }

    /** A period of the policy: n working days, n calendar days, n hours, immediately, or n calendar days before. */
    public record Period(Kind kind, int amount) {

        public enum Kind { WORKING_DAYS, CALENDAR_DAYS, HOURS, IMMEDIATELY, CALENDAR_DAYS_BEFORE }

        public Instant due(Periods periods, Instant event) {
            switch (kind) {
            case WORKING_DAYS:
                return periods.workingDays(event, amount);
            case CALENDAR_DAYS:
                return periods.calendarDays(event, amount);
            case HOURS:
                return periods.hours(event, amount);
            case IMMEDIATELY:
                return periods.immediately(event);
            case CALENDAR_DAYS_BEFORE:
                // by 24:00 of the n-th day before the event's day (R-JOINT-SPECIAL: "at least 5 days in advance")
                return Periods.endOf(WorkingCalendar.dayOf(event).minusDays(amount));
            default:
                throw new IllegalStateException(kind.name());
            }
        }

        @Override
        public String toString() {
            switch (kind) {
            case WORKING_DAYS:
                return amount + " working days";
            case CALENDAR_DAYS:
                return amount + " days";
            case HOURS:
                return amount + " hours";
            case IMMEDIATELY:
                return "immediately";
            default:
                return amount + " days before";
            }
        }
    }

    /** Whether a record provided by {@code providerIsBureau}'s unit opens this obligation. */
    public boolean applies(Category recordCategory, RecordType recordType, boolean providerIsBureau) {
        if (category != null && category != recordCategory) {
            return false;
        }
        if (!recordTypes.isEmpty() && !recordTypes.contains(recordType)) {
            return false;
        }
        return provider == Provider.ANY || (provider == Provider.BUREAU) == providerIsBureau;
    }
}
