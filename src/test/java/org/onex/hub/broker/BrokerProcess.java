package org.onex.hub.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code onex-hub.jar broker …} in a JVM of its own, from the test class path, output to {@code log}, so that it can
 * be killed with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class BrokerProcess implements AutoCloseable {

    private final List<String> command = new ArrayList<>();
    private final Path log;
    private Process process;

    BrokerProcess(Path log, List<String> args) {
        this.log = log;
        command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.onex.hub.HubApplication", "broker"));
        command.addAll(args);
    }

    BrokerProcess start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Whether the log has the line yet; fails at once when the broker has exited. */
    boolean logged(String text) throws IOException {
        boolean found = Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        if (!found && !process.isAlive()) {
            throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
        }
        return found;
    }

    /** kill -9, without waiting for the process to end. */
    void signalKill() {
        process.destroyForcibly();
    }

    /** kill -9, and waits until it is gone (its journal lock released by the kernel). */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (process != null) {
            process.waitFor();
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
