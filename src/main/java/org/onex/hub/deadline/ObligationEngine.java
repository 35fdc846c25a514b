package org.onex.hub.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.calendar.CalendarYearMissingException;
import org.onex.hub.calendar.Lateness;
import org.onex.hub.calendar.Periods;
import org.onex.hub.ingest.IngestHook;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubRecord;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Evaluates each arriving record against the obligations (item 4), in its ingest transaction:
 * opens an obligation for every rule that applies to the record's first version, with its due time on
 * the working-day calendar (urgent records take the urgent period); completes at once what the arrival
 * itself meets ({@code completion: stored}) with lateness and attribution, and raises a late alert.
 * Obligations met later (deliveries, acknowledgements, replies) are completed by the {@link ObligationScanner}.
 * Runs after the delivery router ({@code @Order}), which plans the deliveries it needs. A record is never
 * refused for a deadline: a record that cannot be evaluated (no calendar for its year) is logged, never
 * thrown. The obligations met on arrival are written as one batch per ingest batch.
 */
@Component
@Order(100)
public class ObligationEngine implements IngestHook {

    /** The body field of a cooperation record that names its receiving unit (接收单位). */
    public static final String RECEIVER = "JSDW";

    private static final Logger LOG = LoggerFactory.getLogger(ObligationEngine.class);

    private final ObligationRules rules;
    private final ObligationStore store;
    private final Periods periods;
    private final DepartmentRegistry registry;
    private final Alerts alerts;
    private final Clock clock;

    public ObligationEngine(ObligationRules rules, ObligationStore store, Periods periods, DepartmentRegistry registry,
            Alerts alerts, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.periods = periods;
        this.registry = registry;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void stored(String department, String feed, HubRecord record, long recordId, int version, Instant now) {
        stored(department, feed, List.of(new Stored(record, recordId, version)), now);
    }

    /** Evaluates a batch; the obligations its arrivals meet are written in one batch statement. */
    @Override
    public void stored(String department, String feed, List<Stored> rows, Instant now) {
        boolean fromBureau = department.equals(registry.bureau().code());
        List<ObligationStore.Arrival> arrivals = new ArrayList<>();
        for (Stored row : rows) {
            if (row.version() != 1) {
                continue; // a correction does not restart the clock
            }
            HubRecord record = row.record();
            for (ObligationRule rule : rules.rules()) {
                if (!rule.applies(record.category(), record.recordType(), fromBureau)) {
                    continue;
                }
                try {
                    open(rule, department, record, row.recordId(), now, arrivals);
                } catch (CalendarYearMissingException e) {
                    LOG.warn("{}: no due time for {} of {}: {}", rule.id(), record.identity().sourceKey(), department,
                            e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("{}: cannot evaluate {} of {}: {}", rule.id(), record.identity().sourceKey(), department,
                            e.toString());
                }
            }
        }
        store.insertCompleted(arrivals, now);
    }

    private void open(ObligationRule rule, String department, HubRecord record, long recordId, Instant now,
            List<ObligationStore.Arrival> arrivals) {
        Instant event = event(rule, record);
        if (event == null) {
            return;
        }
        ObligationRule.Period period = record.urgent() && rule.urgentPeriod() != null ? rule.urgentPeriod() : rule.period();
        Instant due = period.due(periods, event);
        List<String> parties = parties(rule, department, record, recordId);
        for (String party : parties) {
            String responsible = rule.responsible() == ObligationRule.Responsible.PARTY ? party : department;
            if (rule.completion() == ObligationRule.Completion.STORED) {
                arrivals.add(arrived(rule, record, recordId, party, responsible, event, due, now));
            } else {
                store.open(rule.id(), recordId, party, responsible, record.identity().sourceKey(), record.urgent(),
                        event, due, now);
            }
        }
    }

    /**
     * An obligation met by the record's own arrival, evaluated: lateness on the working-day calendar and,
     * if late, who made it late. The late alert is raised by the next scan ({@link ObligationScanner}), so
     * a bulk load does not pay an alert transaction per row.
     */
    private ObligationStore.Arrival arrived(ObligationRule rule, HubRecord record, long recordId, String party,
            String responsible, Instant event, Instant due, Instant now) {
        Instant recorded = record.times() == null ? null : record.times().sourceUpdatedAt();
        Instant extracted = record.times() == null ? null : record.times().extractedAt();
        Lateness lateness = periods.lateness(due, now);
        Attribution.Result why = lateness.isLate()
                ? Attribution.ofArrival(due, recorded, extracted, now, rules.lateCommitThreshold()) : null;
        return new ObligationStore.Arrival(rule.id(), recordId, party, responsible, record.identity().sourceKey(),
                record.urgent(), event, due, now, lateness.isLate(), lateness.workingDays(), lateness.hours(),
                why == null ? null : why.attribution().name(), why == null ? null : why.note());
    }

    /** The event the period counts from, or null if the record lacks it. */
    private static Instant event(ObligationRule rule, HubRecord record) {
        if (rule.event() == ObligationRule.Event.ACTION_DATE) {
            return record.document() == null || record.document().validFrom() == null ? null
                    : record.document().validFrom().atStartOfDay(HubDates.ZONE).toInstant();
        }
        if (record.times() != null && record.times().decidedAt() != null) {
            return record.times().decidedAt();
        }
        return record.document() == null || record.document().decisionDate() == null ? null
                : record.document().decisionDate().atStartOfDay(HubDates.ZONE).toInstant();
    }

    /** Who the obligation is owed to: the bureau for what departments notify, each delivery's department otherwise. */
    private List<String> parties(ObligationRule rule, String department, HubRecord record, long recordId) {
        if (rule.completion() == ObligationRule.Completion.DELIVERED
                || rule.completion() == ObligationRule.Completion.ACKNOWLEDGED) {
            return store.deliveryDepartments(recordId);
        }
        if (rule.completion() == ObligationRule.Completion.EXTERNAL) {
            Optional<String> receiver = receiver(record);
            if (receiver.isPresent() && !receiver.get().equals(department)) {
                return List.of(receiver.get()); // an assistance request: the department asked owes the reply
            }
        }
        return List.of(department.equals(registry.bureau().code()) ? department : registry.bureau().code());
    }

    /**
     * The unit a cooperation record is addressed to ({@code body.JSDW}, 接收单位), by registry code or official name:
     * an exchange writes the code, a case system's table the name.
     */
    private Optional<String> receiver(HubRecord record) {
        Object jsdw = record.body() == null ? null : record.body().get(RECEIVER);
        if (jsdw == null || jsdw.toString().isBlank()) {
            return Optional.empty();
        }
        String unit = jsdw.toString().trim();
        return registry.find(unit).or(() -> registry.findByName(unit)).map(d -> d.code());
    }

    /** Raises the late alert of an obligation completed late (the scan calls it for arrivals). */
    void alertLate(Obligation o) {
        if (o.lateWorkingDays() == null || o.lateHours() == null) {
            return;
        }
        ObligationRule rule = rules.require(o.ruleId());
        alertLate(rule, o.id(), o.recordId(), o.responsible(), o.sourceKey(), o.dueAt(), o.completedAt(),
                new Lateness(java.time.Duration.ofHours(o.lateHours()), o.lateWorkingDays()),
                new Attribution.Result(o.attribution() == null ? Attribution.HUB_SLOW
                        : Attribution.valueOf(o.attribution()), o.attributionNote()));
    }

    /**
     * The late alert, once per obligation. Records that were due long ago (beyond {@code lateAlertWindow}:
     * a first load of a department's history) are not alerted one by one; the scorecards count them.
     */
    void alertLate(ObligationRule rule, long obligationId, long recordId, String responsible, String sourceKey,
            Instant due, Instant done, Lateness lateness, Attribution.Result why) {
        if (due.isBefore(clock.instant().minus(rules.lateAlertWindow()))
                || !store.claimStage(obligationId, "LATE", clock.instant())) {
            return;
        }
        alerts.rule(Alerts.OBLIGATION_LATE, "WARNING", rule.id(), responsible, sourceKey,
                rule.nameZh() + "逾期：" + sourceKey + " 应于 " + due + " 前完成，实际 " + done + "，逾期 "
                        + lateness.workingDays() + " 个工作日（" + lateness.hours() + " 小时）；原因：" + why.attribution().name(),
                rule.nameEn() + " late: " + sourceKey + " was due " + due + ", done " + done + ", "
                        + lateness.workingDays() + " working days (" + lateness.hours() + " h) late; "
                        + why.attribution().name() + ": " + why.note(),
                recordId, obligationId, AlertText.of(Alerts.OBLIGATION_LATE).rule(rule.id()).text(sourceKey)
                        .deadline(due).time(done).text(lateness.workingDays()).text(lateness.hours())
                        .label(why.attribution()).build());
    }

    /** Completes an obligation met outside the hub's own events (completion: external). */
    public void completeExternally(ObligationRule rule, Obligation o, Instant at) {
        Instant[] t = store.firstVersionTimes(o.recordId());
        complete(rule, o, at, t[0], t[1], t[2], null);
    }

    /** Completes an obligation at {@code completedAt}; raises the late alert once. */
    void complete(ObligationRule rule, Obligation o, Instant completedAt, Instant recorded, Instant extracted,
            Instant stored, Instant delivered) {
        Lateness lateness = periods.lateness(o.dueAt(), completedAt);
        Attribution.Result why = null;
        if (lateness.isLate()) {
            why = delivered == null
                    ? Attribution.ofArrival(o.dueAt(), recorded, extracted, stored, rules.lateCommitThreshold())
                    : Attribution.ofDelivery(o.dueAt(), recorded, extracted, stored, delivered,
                            rules.lateCommitThreshold());
        }
        if (!store.complete(o.id(), completedAt, lateness.isLate(), lateness.workingDays(), lateness.hours(),
                why == null ? null : why.attribution().name(), why == null ? null : why.note())) {
            return;
        }
        if (lateness.isLate()) {
            alertLate(rule, o.id(), o.recordId(), o.responsible(), o.sourceKey(), o.dueAt(), completedAt, lateness, why);
        }
    }
}
