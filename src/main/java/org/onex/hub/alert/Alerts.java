package org.onex.hub.alert;

import java.time.Clock;

import org.onex.hub.masking.ValueMasker;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.jms.ConnectionFactory;

/**
 * Raises alerts for operators: logged at ERROR or WARN, stored (listed and acknowledged at
 * {@code /api/v1/alerts}) and, when new, published as JSON on the Artemis topic {@value #TOPIC} after
 * the commit (consumers and the optional webhook take them from there). Raised in a transaction of its
 * own, so an alert about a failed batch survives the batch's rollback. The same open alert raised
 * again is counted on it, not published again.
 */
@Component
public class Alerts {

    /** Kinds of alert raised by the sources; the deadline engine adds its own. */
    public static final String FILE_REJECTED = "FILE_REJECTED";
    public static final String SOURCE_STOPPED = "SOURCE_STOPPED";
    public static final String PUSH_REJECTED = "PUSH_REJECTED";
    /** A department route failed three polls in a row; the subject is the route id. */
    public static final String SOURCE_UNREACHABLE = "SOURCE_UNREACHABLE";
    /** A delivery route failed three deliveries in a row; the subject is the route id. */
    public static final String CHANNEL_UNREACHABLE = "CHANNEL_UNREACHABLE";
    /**
     * A department route could not be created or started (unknown data source, bad parameter, missing mapping,
     * server refusing); the subject is the route id, the message {@code file:line: key: reason}. It is retried.
     */
    public static final String ROUTE_START_FAILED = "ROUTE_START_FAILED";
    public static final String NO_COMPETENT_DEPARTMENT = "NO_COMPETENT_DEPARTMENT";
    public static final String DELIVERY_DEAD = "DELIVERY_DEAD";
    /**
     * Deliveries to a department still PENDING or QUEUED past {@code hub.delivery.stuck-after}; one open
     * alert per department, subject {@code deliveries to <dept>}, closed by the hub when none is stuck any more.
     */
    public static final String DELIVERY_STUCK = "DELIVERY_STUCK";
    /** A department provided a category the sharing policy does not entitle it to (R-CATEGORIES). */
    public static final String NOT_ENTITLED_TO_PROVIDE = "NOT_ENTITLED_TO_PROVIDE";
    /** Next (or this) year's working-day calendar has not been added (raised by the calendar's year check). */
    public static final String CALENDAR_MISSING = "CALENDAR_MISSING";
    /** Deadline engine (R-ASSESS): an obligation met late, about to be due, overdue; a feed gone silent. */
    public static final String OBLIGATION_LATE = "OBLIGATION_LATE";
    public static final String OBLIGATION_REMINDER = "OBLIGATION_REMINDER";
    public static final String OBLIGATION_OVERDUE = "OBLIGATION_OVERDUE";
    public static final String SOURCE_SILENT = "SOURCE_SILENT";

    /** Who closes an alert whose condition has cleared by itself. */
    public static final String BY_HUB = "hub";

    /** Artemis topic every new alert is published on, as JSON. */
    public static final String TOPIC = "hub.alerts";

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final AlertStore store;
    private final JmsTemplate jms;
    private final Clock clock;

    public Alerts(AlertStore store, ConnectionFactory connectionFactory, Clock clock) {
        this.store = store;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setPubSubDomain(true);
        this.clock = clock;
    }

    /** An error that needs someone to act (a feed stopped, a file rejected). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long error(String kind, String department, String feed, String subject, String message) {
        return raised(() -> store.raise(kind, "ERROR", department, feed, subject, message, clock.instant()), true,
                "ALERT {} {}/{}: {} - {}", kind, department, feed, subject, message);
    }

    /** As {@link #error(String, String, String, String, String)}, with the message as a code for the console. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long error(String kind, String department, String feed, String subject, String message, AlertText text) {
        return raised(() -> store.raise(kind, "ERROR", department, feed, subject, message, null, null, null, null,
                text.code(), text.args(), clock.instant()), true, "ALERT {} {}/{}: {} - {}", kind, department, feed,
                subject, message);
    }

    /** Something to look at that does not stop anything. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long warning(String kind, String department, String feed, String subject, String message) {
        return raised(() -> store.raise(kind, "WARNING", department, feed, subject, message, clock.instant()), false,
                "ALERT {} {}/{}: {} - {}", kind, department, feed, subject, message);
    }

    /** As {@link #warning(String, String, String, String, String)}, with the message as a code for the console. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long warning(String kind, String department, String feed, String subject, String message, AlertText text) {
        return raised(() -> store.raise(kind, "WARNING", department, feed, subject, message, null, null, null, null,
                text.code(), text.args(), clock.instant()), false, "ALERT {} {}/{}: {} - {}", kind, department, feed,
                subject, message);
    }

    /** An alert about a rule of the policy, in Chinese and English, naming the record or obligation. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long rule(String kind, String severity, String ruleId, String department, String subject, String messageZh,
            String messageEn, Long recordId, Long obligationId) {
        return raised(() -> store.raise(kind, severity, department, null, subject, messageZh, ruleId, messageEn,
                recordId, obligationId, clock.instant()), "ERROR".equals(severity), "ALERT {} {} {}: {} - {}", kind,
                ruleId, department, subject, messageEn);
    }

    /** As {@link #rule}, with the message as a code for the console. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long rule(String kind, String severity, String ruleId, String department, String subject, String messageZh,
            String messageEn, Long recordId, Long obligationId, AlertText text) {
        return raised(() -> store.raise(kind, severity, department, null, subject, messageZh, ruleId, messageEn,
                recordId, obligationId, text.code(), text.args(), clock.instant()), "ERROR".equals(severity),
                "ALERT {} {} {}: {} - {}", kind, ruleId, department, subject, messageEn);
    }

    /**
     * Closes the open alert of a condition that has cleared by itself (acknowledged by {@value #BY_HUB} with the
     * comment); false if none was open.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean resolved(String kind, String department, String subject, String comment) {
        boolean closed = store.resolve(kind, department, subject, BY_HUB, comment, clock.instant());
        if (closed) {
            LOG.info("ALERT {} {} resolved: {} - {}", kind, department, subject, comment);
        }
        return closed;
    }

    /**
     * Logs an alert when it opens, at ERROR or WARN. An open alert raised again (a department still unreachable at
     * every poll, a decision still without a competent department at every sweep) only counts up its
     * {@code timesSeen}; that repeat is logged at DEBUG, so the log is not a copy of the alert list.
     */
    private static void log(Alert alert, boolean error, String format, Object... args) {
        if (alert.timesSeen() > 1) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(format + " (alert " + alert.id() + ", seen " + alert.timesSeen() + " times)", args);
            }
        } else if (error) {
            LOG.error(format, args);
        } else {
            LOG.warn(format, args);
        }
    }

    /**
     * Stores the alert, logs it ({@link #log}) and, when it opens, publishes it after commit; returns its id. One
     * that cannot be stored (the store down) is still logged, with why, before the failure goes on.
     */
    private long raised(java.util.function.LongSupplier raise, boolean error, String format, Object... args) {
        long id;
        try {
            id = raise.getAsLong();
        } catch (RuntimeException e) {
            LOG.error(format + " (not stored: " + e + ")", args);
            throw e;
        }
        Alert alert = store.find(id).orElseThrow();
        log(alert, error, format, args);
        if (alert.timesSeen() == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(alert);
                }
            });
        }
        return id;
    }

    private void publish(Alert alert) {
        try {
            // the topic's subscribers (operator, admin) see ID and mobile numbers masked
            String json = HubJson.mapper().writeValueAsString(
                    ValueMasker.tree(HubJson.mapper().valueToTree(alert)));
            jms.send(TOPIC, session -> {
                var m = session.createTextMessage(json);
                m.setStringProperty("kind", alert.kind());
                m.setStringProperty("severity", alert.severity());
                if (alert.department() != null) {
                    m.setStringProperty("department", alert.department());
                }
                if (alert.ruleId() != null) {
                    m.setStringProperty("ruleId", alert.ruleId());
                }
                return m;
            });
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The alert is stored; the topic is a convenience for consumers.
            LOG.warn("alert {} stored but not published on {}: {}", alert.id(), TOPIC, e.getMessage());
        }
    }
}
