package org.onex.hub.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.demo.EmbeddedSftpServer;
import org.onex.hub.faults.corpus.CorpusCheck;
import org.onex.hub.faults.corpus.CorpusDrop;
import org.onex.hub.faults.corpus.CorpusFile;
import org.onex.hub.faults.corpus.MalformedCorpus;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileLedger;
import org.onex.hub.store.QuarantineStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The malformed-file corpus in the fault suite ({@link CorpusScenario}): a fresh hub in a child JVM on the first
 * store of {@code --stores}, one {@code sftp-source} route per drop folder of sthjj/licences against an SFTP
 * server in this JVM; every file of {@link MalformedCorpus} is dropped (with its {@code .done} marker), and once
 * the routes have moved them all away (to {@code .done/} or {@code .error/}) the hub stops and the store is read
 * back with the hub's own store classes. {@link CorpusCheck} compares each file with its expected outcome; the
 * row counts the files dropped as acknowledged, those with their expected outcome as found and the others as lost.
 */
final class CorpusRun implements CorpusScenario {

    private static final String USER = "county";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void run(FaultOptions options, Path work, FaultReport report) throws Exception {
        String kind = options.stores().get(0);
        Path corpus = work.resolve("corpus");
        List<CorpusFile> files = MalformedCorpus.write(corpus);
        FaultStore store = new FaultStore(kind, Files.createDirectories(work.resolve("hub")), options);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        store.create();
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.start(0, work.resolve("sftp"), Map.of(USER, password));
                HubChild hub = new HubChild(settings(store, work, password, sftp.port()), FaultPorts.free(),
                        work.resolve("hub.log"), options.hubHeap())) {
            long begin = System.nanoTime();
            hub.start(START_TIMEOUT);
            Path drops = sftp.home(USER).resolve("drops");
            for (CorpusFile f : files) {
                Path dir = Files.createDirectories(drops.resolve(f.drop().folder()));
                Files.copy(f.path(corpus), dir.resolve(f.name()));
                Files.writeString(dir.resolve(f.name() + ".done"), "");
            }
            boolean done = awaitMoved(drops, files);
            report.note("corpus on %s: %d files dropped, %s %.1f s after the hub's start", kind, files.size(),
                    done ? "all picked up and moved to .done/ or .error/" : "NOT all moved (what is left counts as wrong)",
                    (System.nanoTime() - begin) / 1e9);
            hub.stop();
            List<CorpusCheck.Result> results;
            try (Connection c = store.connect()) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                results = CorpusCheck.check(files, new FileLedger(jdbc), new QuarantineStore(jdbc), new AlertStore(jdbc),
                        f -> reasonNote(drops, f));
            }
            System.out.println("faults: corpus, file -> outcome -> reason:");
            System.out.print(CorpusCheck.table(results));
            CorpusCheck.wrong(results).forEach(w -> report.note("corpus on %s WRONG: %s", kind, w));
            long right = results.stream().filter(CorpusCheck.Result::right).count();
            report.note("corpus on %s: %d files, %d with their expected outcome (%d rejected with their reason, %d"
                    + " ingested with their rows stored and quarantined), %d wrong", kind, files.size(), right,
                    results.stream().filter(r -> r.right() && r.actual().startsWith("REJECTED")).count(),
                    results.stream().filter(r -> r.right() && r.actual().startsWith("INGESTED")).count(),
                    files.size() - right);
            report.add(Tally.scenario(kind, "corpus", 0, files.size(), right, files.size() - right, 0, 0));
        } finally {
            store.drop();
            keepLog(work.resolve("hub.log"));
        }
    }

    private static Map<String, String> settings(FaultStore store, Path work, String password, int sftpPort)
            throws IOException {
        Path routes = Files.createDirectories(work.resolve("routes"));
        StringBuilder yaml = new StringBuilder("# Written by the faults command for the malformed-file corpus.\n");
        for (CorpusDrop drop : CorpusDrop.values()) {
            yaml.append(route(drop, sftpPort));
        }
        Files.writeString(routes.resolve("corpus.camel.yaml"), yaml.toString());
        Map<String, String> settings = new LinkedHashMap<>(store.settings());
        settings.put("hub.demo.enabled", "false");
        settings.put("hub.data-dir", work.resolve("hub").toString());
        settings.put("hub.routes-dir", routes.toString());
        settings.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + FaultPorts.free() + "?protocols=CORE");
        settings.put("faults.sftp.password", password);
        settings.put("camel.main.shutdown-timeout", "5");
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    /** As a department declares it; done-file read lock: each file is picked up as soon as its marker is there. */
    private static String route(CorpusDrop drop, int sftpPort) {
        return "- templatedRoute:\n    routeTemplateRef: sftp-source\n    routeId: " + MalformedCorpus.DEPARTMENT
                + "-corpus-" + drop.folder() + "\n    parameters:\n"
                + "      - { name: department, value: " + MalformedCorpus.DEPARTMENT + " }\n"
                + "      - { name: feed, value: " + MalformedCorpus.FEED + " }\n"
                + "      - { name: host, value: 127.0.0.1 }\n"
                + "      - { name: port, value: \"" + sftpPort + "\" }\n"
                + "      - { name: username, value: " + USER + " }\n"
                + "      - { name: password, value: \"{{faults.sftp.password}}\" }\n"
                + "      - { name: directory, value: drops/" + drop.folder() + " }\n"
                + "      - { name: filePattern, value: \"" + drop.filePattern() + "\" }\n"
                + "      - { name: format, value: " + drop.format() + " }\n"
                + "      - { name: encoding, value: " + drop.encoding() + " }\n"
                + "      - { name: readLock, value: done-file }\n"
                + "      - { name: pollInterval, value: 500ms }\n"
                + "      - { name: initialDelay, value: \"0\" }\n";
    }

    /** Waits until no corpus file is left in its drop folder: the route moves a file once its outcome is committed. */
    private static boolean awaitMoved(Path drops, List<CorpusFile> files) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (files.stream().noneMatch(f -> Files.exists(drops.resolve(f.drop().folder()).resolve(f.name())))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String reasonNote(Path drops, CorpusFile f) {
        Path note = drops.resolve(f.drop().folder()).resolve(".error").resolve(f.name() + ".reason.txt");
        try {
            return Files.exists(note) ? Files.readString(note) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The corpus hub's log, kept as target/faults-corpus-hub.log (the run's folder is deleted). */
    private static void keepLog(Path log) {
        try {
            if (Files.exists(log)) {
                Files.copy(log, Files.createDirectories(Path.of("target")).resolve("faults-corpus-hub.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("faults: could not keep the corpus hub's log: " + e.getMessage());
        }
    }
}
