package org.onex.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onex.hub.console.RoutesController.RouteGroup;
import org.onex.hub.ops.RouteStatuses;
import org.onex.hub.ops.RouteStatuses.RouteStatus;

/** Issue 17 item 4: routes grouped by unit, units needing attention first, the hub's own routes last. */
class RoutesControllerTest {

    private static RouteStatus route(String id, String department, String status, String error) {
        return new RouteStatus(id, department, status, 10, error == null ? 0 : 1, 2.5, error,
                error == null ? null : Instant.parse("2026-12-05T01:00:00Z"), null);
    }

    @Test
    void unitsWithTroubledRoutesComeFirstAndTheHubLast() {
        List<RouteGroup> groups = RoutesController.groups(List.of(
                route("feed-sequencer", null, "Started", null),
                route("scjgj-licences", "scjgj", "Started", null),
                route("sthjj-files", "sthjj", "Started", "FILE_REJECTED: not GB18030"),
                route("zrzyj-approvals", "zrzyj", "Suspended", null),
                route("zrzyj-penalties", "zrzyj", "NotStarted", "no such table"),
                route("delivery-dispatcher", null, "Started", null),
                route("wjw-licences", "wjw", RouteStatuses.STANDBY, null)));
        assertThat(groups).extracting(RouteGroup::department).containsExactly("zrzyj", "sthjj", "scjgj", "wjw", null);
        assertThat(groups).extracting(RouteGroup::troubled).containsExactly(2L, 1L, 0L, 0L, 0L);
        assertThat(groups.get(0).routes()).extracting(RouteStatus::id)
                .containsExactly("zrzyj-approvals", "zrzyj-penalties");
        assertThat(groups.get(4).hub()).isTrue();
        assertThat(groups.get(4).routes()).extracting(RouteStatus::id)
                .containsExactly("feed-sequencer", "delivery-dispatcher");
    }

    @Test
    void aRouteAnotherNodeRunsIsNotTrouble() {
        assertThat(RoutesController.troubled(route("wjw-licences", "wjw", RouteStatuses.STANDBY, null))).isFalse();
        assertThat(RoutesController.troubled(route("wjw-licences", "wjw", "Stopped", null))).isTrue();
    }
}
