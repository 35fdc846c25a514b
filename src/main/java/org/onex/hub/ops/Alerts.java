package org.onex.hub.ops;

import java.time.Clock;

import org.onex.hub.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts for operators: logged at ERROR or WARN and stored (visible at {@code /api/v1/alerts}).
 * Raised in a transaction of its own, so an alert about a failed batch survives the batch's rollback.
 */
@Component
public class Alerts {

    /** Kinds of alert raised by the sources; the deadline engine adds its own. */
    public static final String FILE_REJECTED = "FILE_REJECTED";
    public static final String SOURCE_STOPPED = "SOURCE_STOPPED";
    public static final String PUSH_REJECTED = "PUSH_REJECTED";
    public static final String SOURCE_UNREACHABLE = "SOURCE_UNREACHABLE";
    public static final String NO_COMPETENT_DEPARTMENT = "NO_COMPETENT_DEPARTMENT";
    public static final String DELIVERY_DEAD = "DELIVERY_DEAD";
    /** Next (or this) year's working-day calendar has not been added (org.onex.hub.calendar.CalendarYearCheck). */
    public static final String CALENDAR_MISSING = "CALENDAR_MISSING";

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final AlertStore store;
    private final Clock clock;

    public Alerts(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An error that needs someone to act (a feed stopped, a file rejected). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long error(String kind, String department, String feed, String subject, String message) {
        LOG.error("ALERT {} {}/{}: {} - {}", kind, department, feed, subject, message);
        return store.raise(kind, "ERROR", department, feed, subject, message, clock.instant());
    }

    /** Something to look at that does not stop anything. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long warning(String kind, String department, String feed, String subject, String message) {
        LOG.warn("ALERT {} {}/{}: {} - {}", kind, department, feed, subject, message);
        return store.raise(kind, "WARNING", department, feed, subject, message, clock.instant());
    }
}
