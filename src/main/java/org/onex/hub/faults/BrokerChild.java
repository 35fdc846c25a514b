package org.onex.hub.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One broker of the hub's broker pair ({@code onex-hub.jar broker --primary|--backup}) in a JVM of its own, so that
 * a cluster run can kill the live one with SIGKILL. Started like {@link HubChild}: from the jar this command runs
 * from, else from the class path; output appended to {@code log}, which is how it says it is live.
 */
final class BrokerChild implements AutoCloseable {

    /** The broker command's line once the primary is started. */
    static final String PRIMARY_STARTED = "broker: primary";
    /** Artemis' line of a backup that has found its primary and waits. */
    static final String BACKUP_WAITING = "AMQ221031";
    /** Artemis' line of a backup that has become live. */
    static final String BACKUP_LIVE = "AMQ221010";

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    BrokerChild(String role, int port, int peer, Path journal, Path log, List<String> settings) {
        this.port = port;
        this.log = log;
        command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath, "broker"));
        } else {
            command.addAll(List.of("-cp", classPath, "org.onex.hub.HubApplication", "broker"));
        }
        command.addAll(List.of("--" + role, "--port", String.valueOf(port), "--peer", "127.0.0.1:" + peer,
                "--data-dir", journal.toString()));
        command.addAll(settings);
    }

    /** Starts it and waits until its log has {@code line}. */
    void start(String line, Duration timeout) throws IOException, InterruptedException {
        long skip = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!logged(line, skip)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the broker did not log " + line + " within " + timeout + "; see "
                        + log);
            }
            Thread.sleep(100);
        }
    }

    /** Whether its log has {@code line} since this start. */
    boolean logged(String line) throws IOException {
        return logged(line, 0);
    }

    private boolean logged(String line, long skip) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(skip, all.length), (int) (all.length - Math.min(skip, all.length)),
                StandardCharsets.UTF_8).contains(line);
    }

    int port() {
        return port;
    }

    /** kill -9, then waits for the process to be gone (its journal lock released by the kernel). */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (process != null) {
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
