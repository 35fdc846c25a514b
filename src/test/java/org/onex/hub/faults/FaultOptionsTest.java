package org.onex.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The fault suite's command line, parsed by picocli, with the hub's wording of usage errors. */
class FaultOptionsTest {

    @Test
    void defaultsAreTheCiRunOnBothStores() {
        FaultOptions o = FaultOptions.parse(new String[0]);
        assertThat(o.mode()).isEqualTo("ci");
        assertThat(o.kills()).isEqualTo(FaultOptions.CI_KILLS);
        assertThat(o.stores()).containsExactly("h2", "postgres");
        assertThat(o.scenarios()).isEqualTo(FaultOptions.ALL_SCENARIOS);
        assertThat(o.outages()).isTrue();
        assertThat(o.corpusRuns()).isTrue();
    }

    @Test
    void theLongModeKillsFiftyTimesAStoreUnlessToldOtherwise() {
        assertThat(FaultOptions.parse(new String[] {"--mode=long"}).kills()).isEqualTo(50);
        FaultOptions o = FaultOptions.parse(new String[] {"--mode", "long", "--kills=7", "--stores=postgres",
            "--outages=false", "--seed=42", "--corpus=only"});
        assertThat(List.of(o.kills(), o.stores(), o.outages(), o.seed(), o.corpusOnly()))
                .containsExactly(7, List.of("postgres"), false, 42L, true);
    }

    @Test
    void aSoakRunsNoCorpus() {
        FaultOptions o = FaultOptions.parse(new String[] {"--mode=soak", "--minutes=60", "--stores=h2"});
        assertThat(o.soak()).isTrue();
        assertThat(o.minutes()).isEqualTo(60);
        assertThat(o.corpusRuns()).isFalse();
    }

    @Test
    void theClusterModeRunsThreeNodesOnPostgresWithoutOutagesOrCorpus() {
        FaultOptions o = FaultOptions.parse(new String[] {"--mode=cluster"});
        assertThat(o.cluster()).isTrue();
        assertThat(o.nodes()).isEqualTo(3);
        assertThat(o.kills()).isEqualTo(FaultOptions.CLUSTER_KILLS);
        assertThat(o.stores()).containsExactly("postgres");
        assertThat(o.outages()).isFalse();
        assertThat(o.corpusRuns()).isFalse();
        assertThat(FaultOptions.parse(new String[] {"--mode=cluster", "--nodes=4"}).nodes()).isEqualTo(4);
        assertThat(FaultOptions.parse(new String[0]).nodes()).isEqualTo(1);
        // a cluster shares one store: an H2 file belongs to one process
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--mode=cluster", "--stores=h2"}))
                .hasMessageContaining("--stores");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--mode=cluster", "--nodes=1"}))
                .hasMessageContaining("--nodes");
    }

    @Test
    void usageErrorsNameTheArgument() {
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--kils=5"}))
                .hasMessageStartingWith("unknown option --kils\n").hasMessageContaining("usage: faults");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--mode=forever"}))
                .hasMessageStartingWith("--mode must be one of").hasMessageEndingWith("got 'forever'");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--kills=0"}))
                .hasMessage("--kills must be a positive whole number, got '0'");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--kills=many"})).hasMessageContaining("--kills")
                .hasMessageContaining("'many'");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--stores=h2,oracle"}))
                .hasMessageContaining("--stores must be one of").hasMessageContaining("'oracle'");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--grace"}))
                .hasMessageStartingWith("--grace needs a value");
    }
}
