package org.onex.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 12, item 7: each route counts its own polls. A department's database route failing next to its SFTP
 * route of the same feed succeeding makes the department DOWN, names the database route, and raises an alert
 * for it alone; the SFTP route's successes never reset it.
 */
class SourceHealthTest {

    private final Alerts alerts = mock(Alerts.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SourceHealth health;

    @SuppressWarnings("unchecked")
    SourceHealthTest() {
        ObjectProvider<Alerts> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(alerts);
        health = new SourceHealth(Clock.fixed(Instant.parse("2024-03-05T02:00:00Z"), ZoneOffset.UTC), meters, provider);
    }

    @Test
    void aSucceedingRouteOfTheSameFeedDoesNotResetAFailingOne() {
        for (int i = 0; i < 4; i++) {
            health.failed("sthjj-licences-db", "sthjj", "licences", "Connection refused", Duration.ofMillis(5));
            health.ok("sthjj-licences-sftp", "sthjj", "licences", Duration.ofMillis(3));
        }

        SourceHealth.State db = health.route("sthjj-licences-db").orElseThrow();
        assertThat(db.failuresInARow()).isEqualTo(4);
        assertThat(SourceHealth.status(db)).isEqualTo("DOWN");
        assertThat(SourceHealth.status(health.route("sthjj-licences-sftp").orElseThrow())).isEqualTo("UP");
        assertThat(health.departmentStatus("sthjj")).isEqualTo("DOWN");
        assertThat(health.worst("sthjj").orElseThrow().route()).isEqualTo("sthjj-licences-db");
        // alerted from the third failure on, for the database route only
        verify(alerts, times(2)).warning(eq(Alerts.SOURCE_UNREACHABLE), eq("sthjj"), eq("licences"),
                eq("sthjj-licences-db"), contains("Connection refused"), any(AlertText.class));
        verify(alerts, never()).warning(anyString(), anyString(), anyString(), eq("sthjj-licences-sftp"), anyString(),
                any(AlertText.class));
        // metrics keep their names and labels, with the route added
        assertThat(meters.find("hub_poll_duration").tags("department", "sthjj", "feed", "licences", "route",
                "sthjj-licences-db", "outcome", "failure").timer().count()).isEqualTo(4);
        assertThat(meters.find("hub_last_poll_success_timestamp_seconds").tag("route", "sthjj-licences-sftp").gauge())
                .isNotNull();
    }

    @Test
    void oneOrTwoFailuresAreDegradedAndASuccessOfTheSameRouteResetsIt() {
        health.ok("scjgj-licences", "scjgj", "licences", null);
        health.failed("scjgj-licences", "scjgj", "licences", "timeout", null);
        assertThat(health.departmentStatus("scjgj")).isEqualTo("DEGRADED");
        health.ok("scjgj-licences", "scjgj", "licences", null);
        assertThat(health.departmentStatus("scjgj")).isEqualTo("UP");
        assertThat(health.departmentStatus("zrzyj")).isEqualTo("UNKNOWN");
    }

    @Test
    void aRouteThatCouldNotStartIsDownAtOnceUntilItStarts() {
        health.notStarted("zrzyj-approvals", "zrzyj", "approvals", "routes/zrzyj.camel.yaml:7: ...: bad");
        assertThat(health.departmentStatus("zrzyj")).isEqualTo("DOWN");
        health.started("zrzyj-approvals", "zrzyj", "approvals");
        assertThat(health.departmentStatus("zrzyj")).isEqualTo("UP");
    }

    @Test
    void aDeliveryRouteFailingRepeatedlyIsAChannelAlert() {
        for (int i = 0; i < 3; i++) {
            health.failed("scjgj-deliveries", "scjgj", "deliveries (jdbc)", "inbox table missing", null);
        }
        verify(alerts).warning(eq(Alerts.CHANNEL_UNREACHABLE), eq("scjgj"), eq("deliveries (jdbc)"),
                eq("scjgj-deliveries"), contains("inbox table missing"), any(AlertText.class));
    }

    /** Issue 17 item 6: the dead-poller rule sees a started route that never succeeds (0), not a missing series. */
    @Test
    void aStartedRouteExportsItsLastSuccessAtZeroUntilItSucceeds() {
        health.started("zrzyj-approvals", "zrzyj", "approvals");
        health.started("zrzyj-deliveries", "zrzyj", "deliveries (jdbc)");
        assertThat(meters.find("hub_last_poll_success_timestamp_seconds").tags("department", "zrzyj", "feed",
                "approvals", "route", "zrzyj-approvals").gauge().value()).isZero();
        assertThat(health.wiredFeeds()).containsEntry("zrzyj", java.util.Set.of("approvals", "deliveries (jdbc)"));
        assertThat(health.departmentStatus("zrzyj")).as("no report yet").isEqualTo("UNKNOWN");
        health.ok("zrzyj-approvals", "zrzyj", "approvals", null);
        assertThat(meters.find("hub_last_poll_success_timestamp_seconds").tag("route", "zrzyj-approvals").gauge()
                .value()).isEqualTo(Instant.parse("2024-03-05T02:00:00Z").getEpochSecond());
        health.forget("zrzyj-deliveries");
        assertThat(health.wiredFeeds()).containsEntry("zrzyj", java.util.Set.of("approvals"));
    }
}
