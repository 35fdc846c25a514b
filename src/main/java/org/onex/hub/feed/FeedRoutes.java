package org.onex.hub.feed;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.stereotype.Component;

/**
 * Publish after commit (DESIGN.md): {@code feed-sequencer} gives committed versions their place in the
 * feed; {@code feed-publisher} sends them to {@code hub.feed.<category>} and only then moves its
 * published mark. A crash in between re-sends; the broker drops the repeat by its duplicate id.
 */
@Component
public class FeedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:feed-sequencer?period={{hub.feed.sequence-period:200}}").routeId("feed-sequencer")
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .bean(FeedPublisher.class, "sequence").id("feed-sequence");

        from("timer:feed-publisher?period={{hub.feed.publish-period:200}}").routeId("feed-publisher")
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .bean(FeedPublisher.class, "publishAvailable").id("feed-publish");

        // Feed reads of broker subscriptions that stay open are audited once a period
        from("timer:broker-read-audit?period={{hub.artemis.read-audit-period:3600000}}&delay=60000")
                .routeId("broker-read-audit")
                .bean(BrokerReads.class, "flush").id("broker-read-flush");

        // Their progress is stored once a (short) period, so a crash loses at most that period;
        // progress left by consumers a stopped hub never closed becomes FEED_READ entries ("interrupted")
        from("timer:broker-read-progress?period={{hub.audit.broker-read-period:10s}}&delay=1000")
                .routeId("broker-read-progress")
                .bean(BrokerReads.class, "recordProgress").id("broker-read-progress-store")
                .bean(BrokerReadProgress.class, "recoverInterrupted").id("broker-read-recover");
    }
}
