package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.delivery.DeliveryChannels;
import org.onex.hub.ops.PromQlNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17 item 6: every series that docs/grafana/onex-hub.json and docs/prometheus/alerts.yml read is exported
 * on {@code /actuator/prometheus} of a running hub (the embedded default with its demo departments), and the
 * series of what is wired exist before their first event, so that panels and rules see 0 rather than no data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // export metrics as the hub does
@DirtiesContext // a second demo hub must not keep running beside EmbeddedDefaultIT's
class MonitoringFilesIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SourceHealth health;
    @Autowired
    DeliveryChannels channels;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DemoHubProperties.register(registry);
    }

    @Test
    void everySeriesTheDashboardAndTheRulesReadIsExported() {
        Set<String> wanted = PromQlNames.shippedNames();
        assertThat(wanted).hasSizeGreaterThanOrEqualTo(15);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(PromQlNames.exposedNames(rest.getForObject("/actuator/prometheus", String.class)));
            assertThat(missing).as("series the monitoring files read that the hub does not export").isEmpty();
        });
    }

    @Test
    void theWiredFeedsAndChannelsAreExportedAtZeroBeforeTheirFirstEvent() {
        await().atMost(Duration.ofSeconds(60)).until(() -> health.wiredFeeds().containsKey("scjgj")
                && !channels.departments().isEmpty());
        String scrape = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> rest.getForObject("/actuator/prometheus", String.class),
                s -> s.contains("hub_feed_quarantine_open_rows{department=\"scjgj\",feed=\"licences\"}"));
        // every outcome of a wired feed, also those that never happened (the demo supersedes nothing)
        for (String outcome : new String[] { "stored", "new_version", "unchanged", "superseded", "quarantined" }) {
            assertThat(scrape).contains("hub_ingest_rows_total{department=\"scjgj\",feed=\"licences\",outcome=\""
                    + outcome + "\"}");
        }
        for (String department : channels.departments()) {
            assertThat(scrape).contains("hub_deliveries{department=\"" + department + "\",status=\"DEAD\"}")
                    .contains("hub_deliveries_stuck{department=\"" + department + "\"}");
        }
        // the dead-poller rule's series exists for every started department route, 0 until it first succeeds
        health.wiredFeeds().keySet().forEach(department -> assertThat(scrape)
                .containsPattern("hub_last_poll_success_timestamp_seconds\\{department=\"" + department + "\","));
        assertThat(scrape).containsPattern("hub_route_active\\{route=\"scjgj-licences\"} 1\\.0")
                .containsPattern("(?m)^hub_cluster_members 1\\.0$");
    }
}
