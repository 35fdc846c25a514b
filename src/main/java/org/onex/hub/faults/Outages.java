package org.onex.hub.faults;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The four outages, each on the running hub under load and each restored: the department database (its relay
 * cut), the SFTP server (stopped and started on the same port), the receiving inbox (503, then connections
 * refused) and the broker (a durable feed consumer's connection to the acceptor cut). An outage is survived when,
 * within {@value #CATCH_UP_SECONDS} s of the restore, everything the department acknowledged up to the restore is
 * in the hub (read over the REST feed), in the inbox, or with the consumer.
 */
final class Outages {

    static final int DOWN_SECONDS = 6;
    static final int CATCH_UP_SECONDS = 90;

    private final FaultRun run;
    private final List<String> lines;
    private int survived;
    private int failed;

    Outages(FaultRun run, List<String> lines) {
        this.run = run;
        this.lines = lines;
    }

    int survived() {
        return survived;
    }

    int failed() {
        return failed;
    }

    void runAll() throws Exception {
        if (run.load("jdbc") != null) {
            outage("department database (TCP relay cut)", run.databaseRelay()::cut, run.databaseRelay()::restore,
                    caughtUp(run.load("jdbc")));
        }
        if (run.load("sftp") != null) {
            outage("SFTP server (stopped, started on the same port)", run::stopSftp, run::startSftp,
                    caughtUp(run.load("sftp")));
        }
        if (run.load("delivery") != null) {
            DecisionInbox inbox = run.inbox();
            outage("receiving inbox (" + DOWN_SECONDS / 2 + " s 503, " + DOWN_SECONDS / 2 + " s refused)", () -> {
                inbox.unavailable();
                pause(DOWN_SECONDS / 2);
                inbox.stop();
            }, inbox::start, () -> {
                Set<String> due = new HashSet<>(run.load("delivery").acknowledged().keySet());
                return () -> inbox.received().containsAll(due);
            });
        }
        if (run.load("push") != null) {
            broker();
        }
    }

    private void broker() throws Exception {
        try (BrokerConsumer consumer = new BrokerConsumer(run.brokerRelay().port(), FaultRun.READER, run.readerKey(),
                run.load("push").department())) {
            if (!await(() -> !consumer.received().isEmpty(), 60)) {
                failed++;
                lines.add("broker outage: the consumer received nothing in 60 s before the cut (reconnects "
                        + consumer.reconnects() + ")");
                return;
            }
            long first = consumer.received().iterator().next();
            outage("broker (feed consumer's acceptor connection cut)", run.brokerRelay()::cut, run.brokerRelay()::restore,
                    () -> {
                        Set<Long> due = new HashSet<>(run.reader().positionsOf(run.load("push").department()));
                        due.removeIf(seq -> seq < first);
                        return () -> {
                            Set<Long> all = new HashSet<>(run.reader().positionsOf(run.load("push").department()));
                            all.removeIf(seq -> seq < first);
                            return all.containsAll(due) && consumer.received().containsAll(all) && !all.isEmpty();
                        };
                    });
            Set<Long> missing = new HashSet<>(run.reader().positionsOf(run.load("push").department()));
            missing.removeIf(seq -> seq < first || consumer.received().contains(seq));
            lines.add(String.format("  broker consumer: %d feed positions received from %d on, %d reconnects, %d of the"
                    + " REST feed's positions missing (at the last check)", consumer.received().size(), first,
                    consumer.reconnects(), missing.size()));
        }
    }

    /** "Everything acknowledged up to now is on the REST feed", measured when called (at the restore). */
    private Supplier<BooleanSupplier> caughtUp(Load load) {
        return () -> {
            Set<String> due = new HashSet<>(load.acknowledged().keySet());
            return () -> run.reader().keys(load.department(), load.feed()).containsAll(due);
        };
    }

    private void outage(String name, Action cut, Action restore, Supplier<BooleanSupplier> check) throws Exception {
        cut.run();
        pause(DOWN_SECONDS);
        restore.run();
        BooleanSupplier done = check.get();
        long begin = System.nanoTime();
        boolean ok = await(done, CATCH_UP_SECONDS);
        if (ok) {
            survived++;
        } else {
            failed++;
            run.hub().dumpThreads("outage " + name + " not caught up");
        }
        lines.add(String.format("outage %s: down %d s, %s", name, DOWN_SECONDS, ok
                ? String.format("caught up %.1f s after the restore", (System.nanoTime() - begin) / 1e9)
                : "NOT caught up " + CATCH_UP_SECONDS + " s after the restore"));
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
