package org.onex.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every command of the jar is found by name through the service list, and the hub's main class imports none. */
class HubCommandTest {

    @Test
    void everyCommandIsFoundByItsNameOnce() {
        List<String> names = HubCommand.all().stream().map(HubCommand::name).toList();
        assertThat(names).containsExactly("validate", "dry-run", "password-hash", "clients", "audit-verify",
                "benchmark", "faults", "broker");
        names.forEach(n -> assertThat(HubCommand.named(n)).get().extracting(HubCommand::name).isEqualTo(n));
        assertThat(HubCommand.named("validat")).isEmpty();
    }

    @Test
    void theUsageListsEveryCommandWithItsSummary() {
        String usage = HubCommand.usage();
        assertThat(usage).contains("(no command)     run the hub",
                "validate         check config/, routes/ and mappings/",
                "faults           run the fault suite",
                "broker           run a standalone Artemis broker");
        assertThat(usage.lines()).hasSize(2 + 8);
    }

    @Test
    void aCommandRunsWithTheArgumentsAfterItsName() {
        assertThat(HubCommand.named("validate").orElseThrow().execute(new String[] {"--no-such-option"}))
                .as("bad usage").isEqualTo(2);
    }
}
