package org.onex.hub.deadline;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onex.hub.schema.HubDates;
import org.onex.hub.store.Obligation;
import org.onex.hub.store.ObligationStore;
import org.springframework.stereotype.Component;

/**
 * Timeliness scorecards of R-ASSESS: per responsible unit, month (of the event, Asia/Shanghai) and rule —
 * obligations, met on time, met late, still overdue, still open, median and worst lateness, and how many had their
 * due time moved by an agreed extension (R-ASSIST-EXTEND: counted as extended, and late only past the new time).
 */
@Component
public class Scorecards {

    private final ObligationStore store;
    private final Clock clock;

    public Scorecards(ObligationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One line of a scorecard. Lateness counts the late ones only (working days; hours rounded up). */
    public record Line(String department, String month, String ruleId, int obligations, int onTime, int late,
            int overdue, int open, Double medianLateWorkingDays, Integer worstLateWorkingDays, Double medianLateHours,
            Long worstLateHours, int extended) {
    }

    public List<Line> month(YearMonth month, String department) {
        Instant from = month.atDay(1).atStartOfDay(HubDates.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(HubDates.ZONE).toInstant();
        Map<String, List<Obligation>> groups = new TreeMap<>();
        for (Obligation o : store.withEventBetween(from, to, department)) {
            groups.computeIfAbsent(o.responsible() + "\u0000" + o.ruleId(), k -> new ArrayList<>()).add(o);
        }
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, List<Obligation>> e : groups.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            List<Obligation> os = e.getValue();
            List<Integer> days = new ArrayList<>();
            List<Long> hours = new ArrayList<>();
            int onTime = 0;
            int late = 0;
            int overdue = 0;
            int open = 0;
            for (Obligation o : os) {
                switch (o.status()) {
                case Obligation.MET -> onTime++;
                case Obligation.LATE -> {
                    late++;
                    days.add(o.lateWorkingDays() == null ? 0 : o.lateWorkingDays());
                    hours.add(o.lateHours() == null ? 0L : o.lateHours());
                }
                case Obligation.OVERDUE -> overdue++;
                default -> {
                    if (o.dueAt().isBefore(now)) {
                        overdue++; // not yet scanned
                    } else {
                        open++;
                    }
                }
                }
            }
            days.sort(null);
            hours.sort(null);
            lines.add(new Line(key[0], month.toString(), key[1], os.size(), onTime, late, overdue, open,
                    median(days), days.isEmpty() ? null : days.get(days.size() - 1), median(hours),
                    hours.isEmpty() ? null : hours.get(hours.size() - 1),
                    (int) os.stream().filter(o -> o.extendedAt() != null).count()));
        }
        return lines;
    }

    /** The scorecard as CSV (UTF-8 with a BOM), as the API and the console download it. */
    public static String csv(List<Line> lines) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            p.printRecord("department", "month", "rule", "obligations", "on_time", "late", "overdue", "open",
                    "median_late_working_days", "worst_late_working_days", "median_late_hours", "worst_late_hours",
                    "extended");
            for (Line l : lines) {
                p.printRecord(l.department(), l.month(), l.ruleId(), l.obligations(), l.onTime(), l.late(), l.overdue(),
                        l.open(), l.medianLateWorkingDays(), l.worstLateWorkingDays(), l.medianLateHours(),
                        l.worstLateHours(), l.extended());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "\uFEFF" + w; // Excel opens UTF-8 CSV with Chinese correctly only with a BOM
    }

    private static Double median(List<? extends Number> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid).doubleValue()
                : (sorted.get(mid - 1).doubleValue() + sorted.get(mid).doubleValue()) / 2;
    }
}
