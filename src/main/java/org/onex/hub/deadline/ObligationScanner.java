package org.onex.hub.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.calendar.CalendarYearMissingException;
import org.onex.hub.calendar.Periods;
import org.onex.hub.calendar.WorkingCalendar;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.onex.hub.store.WatermarkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled scan of the deadline engine (items 4–5): completes obligations met by a
 * delivery or acknowledgement, marks open obligations OVERDUE when their due time passes, reminds
 * {@code reminderWorkingDays} working days before, and finds silent sources. It runs in one
 * transaction holding the scan lock row, so with several nodes one scans at a time and the next finds
 * nothing left to do; each alert stage is claimed once per obligation (hub_obligation_alert), so two
 * scanners, or a restart, never raise it twice.
 */
@Component
public class ObligationScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ObligationScanner.class);

    private final ObligationRules rules;
    private final ObligationStore store;
    private final ObligationEngine engine;
    private final Periods periods;
    private final Alerts alerts;
    private final Clock clock;
    private final WatermarkStore watermarks;

    public ObligationScanner(ObligationRules rules, ObligationStore store, ObligationEngine engine, Periods periods,
            Alerts alerts, Clock clock, WatermarkStore watermarks) {
        this.rules = rules;
        this.store = store;
        this.engine = engine;
        this.periods = periods;
        this.alerts = alerts;
        this.clock = clock;
        this.watermarks = watermarks;
    }

    /** What one scan did. */
    public record Result(int completed, int overdue, int reminders, int silent) {
    }

    @Transactional
    public Result scan() {
        store.lockScan();
        Instant now = clock.instant();
        int completed = completeDeliveries();
        lateArrivals(now);
        return new Result(completed, overdue(now), reminders(now), silentSources(now));
    }

    private int completeDeliveries() {
        int n = 0;
        for (ObligationRule rule : rules.rules()) {
            boolean ack = rule.completion() == ObligationRule.Completion.ACKNOWLEDGED;
            if (rule.completion() != ObligationRule.Completion.DELIVERED && !ack) {
                continue;
            }
            for (Obligation o : store.openOf(List.of(rule.id()), 1000)) {
                Optional<Instant> at = store.deliveredAt(o.recordId(), o.party(), ack);
                if (at.isPresent()) {
                    Instant[] t = store.firstVersionTimes(o.recordId());
                    engine.complete(rule, o, at.get(), t[0], t[1], t[2], at.get());
                    n++;
                }
            }
        }
        return n;
    }

    /** Late alerts of obligations the arrival itself completed late (raised here, off the ingest path). */
    private void lateArrivals(Instant now) {
        for (Obligation o : store.lateWithoutAlert(now.minus(rules.lateAlertWindow()), 1000)) {
            engine.alertLate(o);
        }
    }

    private int overdue(Instant now) {
        int n = 0;
        for (Obligation o : store.openDueBefore(now, 1000)) {
            if (!Obligation.OPEN.equals(o.status())) {
                continue;
            }
            store.markOverdue(o.id());
            if (store.claimStage(o.id(), "OVERDUE", now)) {
                ObligationRule rule = rules.require(o.ruleId());
                alerts.rule(Alerts.OBLIGATION_OVERDUE, "ERROR", rule.id(), o.responsible(), o.sourceKey(),
                        rule.nameZh() + "已逾期：" + o.sourceKey() + "（" + o.party() + "）应于 " + o.dueAt() + " 前完成",
                        rule.nameEn() + " overdue: " + o.sourceKey() + " (" + o.party() + ") was due " + o.dueAt(),
                        o.recordId(), o.id(), due(Alerts.OBLIGATION_OVERDUE, o));
                n++;
            }
        }
        return n;
    }

    private int reminders(Instant now) {
        int n = 0;
        int before = rules.reminderWorkingDays();
        if (before < 1) {
            return 0;
        }
        for (Obligation o : store.openDueBefore(now.plus(Duration.ofDays(before * 2L + 14)), 1000)) {
            if (!Obligation.OPEN.equals(o.status()) || !o.dueAt().isAfter(now)) {
                continue;
            }
            try {
                LocalDate lastDay = WorkingCalendar.dayOf(o.dueAt().minusNanos(1));
                Instant remindAt = Periods.endOf(periods.calendar().addWorkingDays(lastDay, -before));
                if (!now.isBefore(remindAt) && store.claimStage(o.id(), "REMINDER", now)) {
                    ObligationRule rule = rules.require(o.ruleId());
                    alerts.rule(Alerts.OBLIGATION_REMINDER, "WARNING", rule.id(), o.responsible(), o.sourceKey(),
                            rule.nameZh() + "即将到期：" + o.sourceKey() + "（" + o.party() + "）应于 " + o.dueAt() + " 前完成",
                            rule.nameEn() + " due soon: " + o.sourceKey() + " (" + o.party() + ") is due " + o.dueAt(),
                            o.recordId(), o.id(), due(Alerts.OBLIGATION_REMINDER, o));
                    n++;
                }
            } catch (CalendarYearMissingException e) {
                LOG.warn("no reminder time for obligation {}: {}", o.id(), e.getMessage());
            }
        }
        return n;
    }

    private int silentSources(Instant now) {
        int n = 0;
        for (ObligationRules.Freshness f : rules.freshness()) {
            Optional<Instant> last = watermarks.lastRowsAt(f.department(), f.feed());
            if (last.isEmpty()) {
                continue; // never heard from yet: nothing to compare with
            }
            try {
                int silent = periods.calendar().workingDaysBetween(last.get(), now);
                if (silent >= f.silentWorkingDays()) {
                    alerts.rule(Alerts.SOURCE_SILENT, "WARNING", "R-APPROVAL-NOTICE", f.department(),
                            f.department() + "/" + f.feed(),
                            f.department() + "/" + f.feed() + " 已 " + silent + " 个工作日未报送数据（上次 " + last.get() + "）",
                            f.department() + "/" + f.feed() + " has sent nothing for " + silent
                                    + " working days (last at " + last.get() + ")", null, null,
                            AlertText.of(Alerts.SOURCE_SILENT).unit(f.department()).text(f.feed()).text(silent)
                                    .time(last.get()).build());
                    n++;
                }
            } catch (CalendarYearMissingException e) {
                LOG.warn("cannot count silence of {}/{}: {}", f.department(), f.feed(), e.getMessage());
            }
        }
        return n;
    }

    /** An overdue or reminder alert as a code for the console: rule, record, owing unit, due time. */
    private static AlertText due(String kind, Obligation o) {
        return AlertText.of(kind).rule(o.ruleId()).text(o.sourceKey()).unit(o.party()).deadline(o.dueAt()).build();
    }
}
