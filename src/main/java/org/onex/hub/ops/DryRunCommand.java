package org.onex.hub.ops;

/** Placeholder until the dry-run command lands (being written now). */
public final class DryRunCommand {
    private DryRunCommand() {
    }

    public static int run(String[] args) {
        throw new UnsupportedOperationException("dry-run not built yet");
    }
}
