package org.onex.hub.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.StuckDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;

/**
 * No delivery stays PENDING or QUEUED silently (R-PENALTY-FEEDBACK). At start and every
 * {@code hub.delivery.sweep-period}:
 * <ol>
 * <li>a QUEUED delivery whose message is gone (a crash between the department's receipt and the store's
 * confirmation, or a lost message) goes back to the outbox: it is QUEUED, no consumer has touched it for
 * {@code redispatch-after}, its department's consumer is idle or has passed it, and no message on
 * {@code hub.delivery.<dept>} carries it. The dispatcher sends it again; the channel recognises what the department
 * already has (409, the inbox row, the same file) and it ends DELIVERED, or DEAD with its reason.</li>
 * <li>deliveries planned more than {@code stuck-after} ago and still not delivered raise one
 * {@value Alerts#DELIVERY_STUCK} alert per department, closed by the hub once none is left.</li>
 * </ol>
 */
@Component
@EnableConfigurationProperties(DeliveryRecoveryProperties.class)
public class DeliverySweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySweep.class);

    private final DeliveryStore store;
    private final AlertStore alertStore;
    private final Alerts alerts;
    private final JmsTemplate jms;
    private final Clock clock;
    private final DeliveryRecoveryProperties settings;

    public DeliverySweep(DeliveryStore store, AlertStore alertStore, Alerts alerts, ConnectionFactory connectionFactory,
            Clock clock, DeliveryRecoveryProperties settings) {
        this.store = store;
        this.alertStore = alertStore;
        this.alerts = alerts;
        this.jms = new JmsTemplate(connectionFactory);
        this.clock = clock;
        this.settings = settings;
    }

    /** One round: re-sends orphaned deliveries, raises and closes stuck alerts; returns how many were re-sent. */
    public int sweep() {
        Instant now = clock.instant();
        int resent = redispatchOrphans(now);
        alertStuck(now);
        return resent;
    }

    int redispatchOrphans(Instant now) {
        Map<String, List<Long>> byDepartment = new LinkedHashMap<>();
        for (Delivery d : store.orphanCandidates(now.minus(settings.redispatchAfter()), 1000)) {
            byDepartment.computeIfAbsent(d.department(), k -> new ArrayList<>()).add(d.id());
        }
        int resent = 0;
        for (Map.Entry<String, List<Long>> e : byDepartment.entrySet()) {
            Set<Long> onQueue;
            try {
                onQueue = onQueue(e.getKey());
            } catch (RuntimeException ex) {
                LOG.warn("{}: cannot browse {}, its QUEUED deliveries are looked at again next sweep: {}", e.getKey(),
                        DeliveryMessages.queue(e.getKey()), DeliveryConsumer.reason(ex));
                continue;
            }
            List<Long> orphans = e.getValue().stream().filter(id -> !onQueue.contains(id)).toList();
            if (!orphans.isEmpty()) {
                store.requeue(orphans);
                resent += orphans.size();
                LOG.warn("{}: deliveries {} were QUEUED with no message on {} and no consumer working on them"
                        + " (interrupted by a crash); put back in the outbox to be sent again", e.getKey(), orphans,
                        DeliveryMessages.queue(e.getKey()));
            }
        }
        return resent;
    }

    /** Delivery ids carried by the messages waiting on a department's queue. */
    private Set<Long> onQueue(String department) {
        Set<Long> ids = new HashSet<>();
        jms.browse(DeliveryMessages.queue(department), (session, browser) -> {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                String carried = ((Message) messages.nextElement()).getStringProperty(DeliveryMessages.DELIVERY_IDS);
                if (carried != null) {
                    for (String id : carried.split(",")) {
                        ids.add(Long.parseLong(id.trim()));
                    }
                }
            }
            return null;
        });
        return ids;
    }

    void alertStuck(Instant now) {
        Map<String, StuckDeliveries> stuck = store.stuckByDepartment(now.minus(settings.stuckAfter()));
        String after = settings.stuckAfterText(false);
        String afterZh = settings.stuckAfterText(true);
        for (StuckDeliveries s : stuck.values()) {
            Delivery o = s.oldest();
            String state = o.status() + (o.queuedAt() == null ? "" : " since " + o.queuedAt())
                    + (o.lastError() == null ? "" : ", last error: " + o.lastError());
            String stateZh = o.status() + (o.queuedAt() == null ? "" : "，排队于 " + o.queuedAt())
                    + (o.lastError() == null ? "" : "，最近错误：" + o.lastError());
            alerts.rule(Alerts.DELIVERY_STUCK, "ERROR", "R-PENALTY-FEEDBACK", s.department(), subject(s.department()),
                    s.count() + " 件处罚决定送达 " + s.department() + " 已超过 " + afterZh + "仍未完成；最早的是送达 #"
                            + o.id() + "（记录 " + o.recordId() + " 第 " + o.version() + " 版，计划于 " + o.createdAt()
                            + "，状态 " + stateZh + "）。请检查该部门的送达通道（路由、CHANNEL_UNREACHABLE 告警）："
                            + "GET /api/v1/deliveries?stuck=true",
                    s.count() + " decision(s) to " + s.department() + " not delivered after " + after
                            + "; the oldest is delivery #" + o.id() + " (record " + o.recordId() + " v" + o.version()
                            + ", planned " + o.createdAt() + ", " + state + "). Check the department's delivery channel"
                            + " (its route, CHANNEL_UNREACHABLE alerts): GET /api/v1/deliveries?stuck=true",
                    o.recordId(), null, AlertText.of(Alerts.DELIVERY_STUCK).text(s.count()).unit(s.department())
                            .text(afterZh).text(o.id()).text(o.recordId()).text(o.version()).time(o.createdAt())
                            .label("DeliveryStatus", o.status()).time(o.queuedAt()).text(o.lastError()).text(after)
                            .build());
        }
        for (Alert open : alertStore.list(Alert.OPEN, null, Alerts.DELIVERY_STUCK, null, 500)) {
            if (open.department() != null && !stuck.containsKey(open.department())) {
                alerts.resolved(Alerts.DELIVERY_STUCK, open.department(), open.subject(),
                        "no delivery to " + open.department() + " is stuck any more (delivered or dead) at " + now);
            }
        }
    }

    static String subject(String department) {
        return "deliveries to " + department;
    }
}
