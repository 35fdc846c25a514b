package org.onex.hub.faults;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A finished run's figures, read from its store: per scenario, the acknowledged rows found (push: under the
 * record id the answer named; delivery: received by the inbox), lost, and duplicated (a second version of a row
 * written once, a record id that moved, a decision delivered under two deliveries); the stuck deliveries; and the
 * hub's feed gaps and outages.
 */
final class FaultTallies {

    private FaultTallies() {
    }

    static void add(FaultRun run, Outages outages, FaultReport report) throws Exception {
        String kind = run.store().kind();
        Set<String> departments = new HashSet<>();
        try (StoreCheck check = new StoreCheck(run.store())) {
            for (Load load : run.loads().values()) {
                departments.add(load.department());
                Map<String, StoreCheck.Stored> stored = check.records(load.department(), load.feed());
                long found = 0;
                long duplicated = 0;
                long stuck = 0;
                Set<String> received = load instanceof DecisionLoad ? run.inbox().received() : null;
                for (Map.Entry<String, Long> ack : load.acknowledged().entrySet()) {
                    StoreCheck.Stored s = stored.get(ack.getKey());
                    boolean there = received == null ? s != null : received.contains(ack.getKey());
                    if (there) {
                        found++;
                    }
                    if (s != null && (s.versions() > 1 || (ack.getValue() != 0 && ack.getValue() != s.id()))) {
                        duplicated++;
                    }
                }
                if (load instanceof DecisionLoad) {
                    departments.add("jtysj");
                    duplicated += run.inbox().duplicated();
                    long[] d = check.deliveries("jtysj");
                    stuck = d[0];
                    report.note("%s delivery: %d deliveries to jtysj, %d still PENDING/QUEUED after the %d s grace,"
                            + " %d DEAD; the inbox absorbed %d repeated requests and answered %d with 503 during its outage",
                            kind, d[2], d[0], run.options().grace(), d[1], run.inbox().repeats(),
                            run.inbox().refusedWhileUnavailable());
                }
                if (load instanceof PushLoad p) {
                    report.note("%s push: %d requests answered 503 + Retry-After while the hub started or stopped;"
                            + " %d answered otherwise than 200%s (none acknowledged)", kind, p.notReady(), p.refused(),
                            p.refused() > 0 ? ", the first " + p.firstRefusal() : "");
                    if (p.notStored() > 0) {
                        report.note("%s push: %d valid rows answered but NOT stored, the first %s", kind,
                                p.notStored(), p.firstNotStored());
                    }
                }
                report.note("%s %s: %s", kind, load.scenario(), load.failures());
                long acknowledged = load.acknowledged().size();
                report.add(Tally.scenario(kind, load.scenario(), run.killCount(), acknowledged, found,
                        acknowledged - found, duplicated, stuck));
            }
            StringBuilder detail = new StringBuilder();
            long gaps = check.feedGaps(run.reader(), departments, detail);
            report.note("%s feed: %s (%d positions read over REST)", kind, detail, run.reader().positions().size());
            ClusterChecks cluster = run.cluster(); // a cluster run's joins, takeovers and steady state count here
            long survived = outages != null ? outages.survived() : cluster != null ? cluster.passed() : 0;
            long disruptions = outages != null ? outages.survived() + outages.failed() : cluster != null ? cluster.ran() : 0;
            report.add(Tally.store(kind, run.killCount(), gaps, survived, disruptions));
        }
    }
}
