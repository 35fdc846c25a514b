package org.onex.hub.broker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.auth.BrokerSessions;
import org.onex.hub.feed.BrokerReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * The periodic work of a standalone broker, which the hub runs as Camel timer routes ({@code broker-key-check},
 * {@code broker-read-audit}, {@code broker-read-progress}) with the same properties and defaults: revoked keys'
 * connections closed, open consumers' reads audited and their progress stored, interrupted progress recovered.
 * The broker has no Camel (nothing else of the hub runs there), so one scheduler thread calls the same beans.
 */
class BrokerTimers implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerTimers.class);

    private final BrokerSessions sessions;
    private final BrokerReads reads;
    private final BrokerReadProgress progress;
    private final Environment env;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-timers");
        t.setDaemon(true);
        return t;
    });

    BrokerTimers(BrokerSessions sessions, BrokerReads reads, BrokerReadProgress progress, Environment env) {
        this.sessions = sessions;
        this.reads = reads;
        this.progress = progress;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        every("broker-key-check", "hub.artemis.key-check-period", Duration.ofSeconds(10), Duration.ofSeconds(5),
                sessions::closeRevoked);
        every("broker-read-audit", "hub.artemis.read-audit-period", Duration.ofHours(1), Duration.ofMinutes(1),
                reads::flush);
        every("broker-read-progress", "hub.audit.broker-read-period", Duration.ofSeconds(10), Duration.ofSeconds(1),
                () -> {
                    reads.recordProgress();
                    progress.recoverInterrupted();
                });
    }

    private void every(String name, String property, Duration fallback, Duration delay, Runnable task) {
        long period = env.getProperty(property, Duration.class, fallback).toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) { // logged, and tried again next period (a store restart, say)
                LOG.warn("{} failed: {}", name, e.toString());
            }
        }, delay.toMillis(), period, TimeUnit.MILLISECONDS);
    }

    /** Ends the timers before the broker and the store are closed. */
    @Override
    public void destroy() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
