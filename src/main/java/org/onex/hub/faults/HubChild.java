package org.onex.hub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub in a JVM of its own, so that it can be killed with SIGKILL ({@link Process#destroyForcibly()} on Linux)
 * at any moment and started again on the same store. Started from the jar this command runs from
 * ({@code java -jar onex-hub.jar}) or, when run from a class path (tests, the IDE), from that class path; in the
 * working directory (the project root: the hub reads {@code config/} and {@code mappings/}), output appended to
 * {@code log}. C1 compilation only and the serial collector: a hub started twenty times on two cores is ready
 * sooner (a start is most of the suite's time).
 */
public final class HubChild implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final List<String> command;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long lastStartMillis;

    public HubChild(Map<String, String> settings, int port, Path log, String heap) {
        this.port = port;
        this.log = log;
        command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "org.onex.hub.HubApplication"));
        }
        command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    }

    /** Starts the hub and waits (at most {@code timeout}) until it is ready and its API answers. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = begin + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the hub was not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(200);
        }
        lastStartMillis = (System.nanoTime() - begin) / 1_000_000;
    }

    /**
     * Ready, and the API answers. Readiness comes only after Camel has started every route (and loaded the route
     * files); the API check is a second witness. Before readiness the API answers 503 (ApiNotReadyFilter).
     */
    private boolean ready() throws InterruptedException {
        return answers200("/actuator/health/readiness") && answers200("/api/v1/schema");
    }

    private boolean answers200(String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** kill -9, then waits for the process to be gone (its file locks released). */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (process != null) {
            process.waitFor();
        }
    }

    /** SIGTERM (a graceful stop), SIGKILL when it takes longer than 60 s. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public int port() {
        return port;
    }

    public long lastStartMillis() {
        return lastStartMillis;
    }

    /** The hub's used heap in MiB after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}); -1 if unknown. */
    public long liveHeapMib() {
        if (process == null || !process.isAlive()) {
            return -1;
        }
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            run(jcmd, Long.toString(process.pid()), "GC.run");
            Matcher m = HEAP_USED.matcher(run(jcmd, Long.toString(process.pid()), "GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Appends a thread dump of the running hub to its log ({@code jcmd Thread.print}), so that a hub that did not
     * catch up can be read afterwards: which thread waits on what. Returns false when there is no hub to dump.
     */
    public boolean dumpThreads(String why) {
        if (process == null || !process.isAlive()) {
            return false;
        }
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            String dump = run(jcmd, Long.toString(process.pid()), "Thread.print");
            Files.writeString(log, "\n==== faults: thread dump (" + why + ") ====\n" + dump + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
