package org.onex.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The cluster scenario, small (2 nodes, 30 sources, polled every 200 ms): it reports every source polled by exactly
 * one node in steady state, a spread that adds up to the sources, and the killed node's sources on the survivor.
 */
class ClusterScenarioTest {

    @Test
    void eachSourceIsPolledByExactlyOneNodeAndTheSurvivorTakesOverTheKilledNodesSources() throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {"--scenario=cluster", "--nodes=2", "--sources=30",
            "--poll-interval=200ms", "--seconds=2"});

        ClusterScenario.Result r = new ClusterScenario(options, new BenchReport()).run();

        assertThat(r.steady().unpolled()).as("sources polled by no node").isEmpty();
        assertThat(r.steady().multiple()).as("sources polled by more than one node").isEmpty();
        assertThat(r.steady().counts()).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(r.steady().counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(r.lateness()).as("polls with a schedule, 2 s of 30 sources every 200 ms").hasSizeGreaterThan(200);
        assertThat(r.orphans()).isEqualTo(r.steady().counts().get(0));
        assertThat(r.takeover()).as("ms until the survivor polled the killed node's sources").isNotNegative();
        assertThat(r.after().counts()).isEqualTo(List.of(30));
        assertThat(r.after().exactlyOnce()).isTrue();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void sourceIdsNameACountyAndAUnitFifteenUnitsACounty() {
        List<String> ids = ClusterScenario.sources(16);

        assertThat(ids).hasSize(16).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("jdbc-c001-u01");
        assertThat(ids.get(14)).isEqualTo("jdbc-c001-u15");
        assertThat(ids.get(15)).isEqualTo("jdbc-c002-u01");
    }
}
