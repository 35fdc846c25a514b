package org.onex.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark's command line: the scenarios' options, their defaults and what is refused. */
class BenchOptionsTest {

    @Test
    void theClusterScenarioTakesItsOptionsAndIsNotPartOfAll() {
        BenchOptions o = BenchOptions.parse(new String[] {"--scenario=cluster", "--nodes=4", "--sources=1350",
            "--poll-interval=500ms", "--seconds=20", "--poll-log=/tmp/polls.csv"});

        assertThat(o.scenarios()).containsExactly("cluster");
        assertThat(o.nodes()).isEqualTo(4);
        assertThat(o.sources()).isEqualTo(1350);
        assertThat(o.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.seconds()).isEqualTo(20);
        assertThat(o.pollLog()).isEqualTo(Path.of("/tmp/polls.csv"));
        assertThat(BenchOptions.parse(new String[] {"--scenario=all"}).scenarios())
                .isEqualTo(List.of("jdbc", "sftp", "push", "departments", "readers"));
    }

    @Test
    void departmentsAndReadersTakeTheirOptionsAndTheDatabasesTheirPrefix() {
        BenchOptions o = BenchOptions.parse(new String[] {"--scenario=readers", "--readers=4", "--rows=20000",
            "--db-prefix=hub_bench2"});

        assertThat(o.scenarios()).containsExactly("readers");
        assertThat(o.readers()).isEqualTo(4);
        assertThat(o.rows()).isEqualTo(20000);
        assertThat(o.dbPrefix()).isEqualTo("hub_bench2");
        assertThat(new BenchDatabases(o.host(), o.user(), o.dbPrefix()).store()).isEqualTo("hub_bench2_store");
        BenchOptions defaults = BenchOptions.parse(new String[] {"--scenario=departments"});
        assertThat(defaults.scenarios()).containsExactly("departments");
        assertThat(defaults.readers()).isEqualTo(8);
        assertThat(new BenchDatabases(defaults.host(), defaults.user(), defaults.dbPrefix()).source())
                .isEqualTo("hub_bench_source"); // what every earlier run created and dropped
    }

    @Test
    void refusesADatabasePrefixThatIsNoPlainNameAndNoReaders() {
        for (String prefix : new String[] {"Hub", "hub-bench", "1hub", "hub;drop", ""}) {
            assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--db-prefix=" + prefix}))
                    .as(prefix).hasMessageContaining("--db-prefix must be a lower-case PostgreSQL name");
        }
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario=readers", "--readers=0"}))
                .hasMessageContaining("--readers must be a positive whole number");
    }

    @Test
    void theClusterDefaultsAreThreeNodes240SourcesEverySecond() {
        BenchOptions o = BenchOptions.parse(new String[] {"--scenario=cluster"});

        assertThat(o.nodes()).isEqualTo(3);
        assertThat(o.sources()).isEqualTo(240);
        assertThat(o.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.pollLog()).isNull();
    }

    @Test
    void refusesAClusterItCannotKillANodeOfAndNonsense() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario=cluster", "--nodes=1"}))
                .hasMessageContaining("--nodes must be at least 2");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario=cluster", "--sources=0"}))
                .hasMessageContaining("--sources must be a positive whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--poll-interval=0s"}))
                .hasMessageContaining("--poll-interval must be longer than 0");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--poll-interval=often"}))
                .hasMessageContaining("--poll-interval must be a duration");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenario=mesh"}))
                .hasMessageContaining("--scenario must be one of").hasMessageContaining("cluster");
    }
}
