package org.onex.hub.bench;

import org.onex.hub.cli.HubCommand;

/** {@code benchmark} as a {@link HubCommand} (the benchmark itself, {@link BenchmarkCommand}, holds a run's state). */
public final class BenchmarkCli implements HubCommand {

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "run the throughput benchmark and print its figures";
    }

    @Override
    public int execute(String[] args) {
        return BenchmarkCommand.run(args);
    }
}
