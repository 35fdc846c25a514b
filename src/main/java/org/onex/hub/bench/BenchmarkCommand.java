package org.onex.hub.bench;

/** Placeholder until the benchmark lands (being written now). */
public final class BenchmarkCommand {
    private BenchmarkCommand() {
    }

    public static int run(String[] args) {
        throw new UnsupportedOperationException("benchmark not built yet");
    }
}
