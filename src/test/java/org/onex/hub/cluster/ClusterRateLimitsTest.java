package org.onex.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** The per-client request quota is counted across the cluster, not per node (issue 16 item 3). */
class ClusterRateLimitsTest {

    private HazelcastInstance a;
    private HazelcastInstance b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.getLifecycleService().terminate();
        }
        if (b != null) {
            b.getLifecycleService().terminate();
        }
    }

    @Test
    void twoNodesShareOneClientsQuotaAndTheWindowReopens() throws Exception {
        int pa;
        int pb;
        try (ServerSocket s1 = new ServerSocket(0); ServerSocket s2 = new ServerSocket(0)) {
            pa = s1.getLocalPort();
            pb = s2.getLocalPort();
        }
        List<String> members = List.of("127.0.0.1:" + pa, "127.0.0.1:" + pb);
        a = member(members, pa);
        b = member(members, pb);
        await().atMost(Duration.ofSeconds(30)).until(() -> b.getCluster().getMembers().size() == 2);
        Clock at = Clock.fixed(Instant.parse("2026-12-05T10:00:00.250Z"), ZoneOffset.UTC);
        ClusterRateLimits onA = new ClusterRateLimits(a, at);
        ClusterRateLimits onB = new ClusterRateLimits(b, at);
        Duration second = Duration.ofSeconds(1);

        for (int i = 0; i < 3; i++) {
            assertThat(onA.acquire("client:scjgj", 5, second)).as("request %d on node A", i + 1).isZero();
        }
        assertThat(onB.acquire("client:scjgj", 5, second)).as("request 4 on node B").isZero();
        assertThat(onB.acquire("client:scjgj", 5, second)).as("request 5 on node B").isZero();
        // the sixth within the second is refused on either node, with the time to the next window
        assertThat(onB.acquire("client:scjgj", 5, second)).isEqualTo(Duration.ofMillis(750).toNanos());
        assertThat(onA.acquire("client:scjgj", 5, second)).isEqualTo(Duration.ofMillis(750).toNanos());
        // another client has its own quota
        assertThat(onA.acquire("client:zrzyj", 5, second)).isZero();
        // the next window opens for everyone
        Clock later = Clock.offset(at, Duration.ofMillis(800));
        assertThat(new ClusterRateLimits(b, later).acquire("client:scjgj", 5, second)).isZero();
    }

    private static HazelcastInstance member(List<String> members, int port) {
        ClusterProperties p = new ClusterProperties("rate-limit-test", members, "127.0.0.1", null, port,
                Duration.ofSeconds(3), Duration.ofSeconds(1));
        return Hazelcast.newHazelcastInstance(new ClusterConfiguration().hazelcastConfig(p));
    }
}
