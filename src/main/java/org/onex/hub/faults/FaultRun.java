package org.onex.hub.faults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.onex.hub.cli.ApiClientsCommand;
import org.onex.hub.demo.EmbeddedSftpServer;

/**
 * One store's run: the department peers in this JVM (SFTP server, decision inbox, relays in front of the
 * department database and the broker acceptor), the hub in a child JVM, the four loads and the REST feed reader
 * running throughout. {@link #kills} then kill -9 and restart the hub at random moments; the outages, when asked,
 * run on the last start. Then the loads stop, the hub gets the grace period to catch up, stops, and the store is
 * read back ({@link FaultTallies}).
 */
final class FaultRun implements AutoCloseable {

    static final String READER = "faults-bureau";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final FaultOptions options;
    private final FaultStore store;
    private final FaultReport report;
    private final Path work;
    private final Random random;
    private final DepartmentSource source;
    private final String sftpPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private final Map<String, Load> loads = new LinkedHashMap<>();
    private final List<Long> startMillis = new ArrayList<>();
    private EmbeddedSftpServer sftp;
    private int sftpPort;
    private DecisionInbox inbox;
    private TcpRelay databaseRelay;
    private TcpRelay brokerRelay;
    private HubChild hub;
    private ClusterNodes nodes;
    private ClusterChecks cluster;
    private BrokerChild primary;
    private BrokerChild backup;
    private BrokerConsumer feedConsumer;
    private FeedReader reader;
    private String readerKey;
    private long kills;

    FaultRun(FaultOptions options, String storeKind, Path work, FaultReport report) {
        this.options = options;
        this.work = work;
        this.report = report;
        this.store = new FaultStore(storeKind, work.resolve("hub"), options);
        this.random = new Random(options.seed() * 31 + storeKind.hashCode());
        this.source = new DepartmentSource(options);
    }

    /** Sets everything up and starts the hub for the first time; the loads and the feed reader start with it. */
    void start() throws Exception {
        Files.createDirectories(work.resolve("hub"));
        store.create();
        source.create();
        startSftp();
        Path drop = Files.createDirectories(sftp.home(FaultRoutes.SFTP_USER).resolve("licences"));
        inbox = new DecisionInbox();
        databaseRelay = new TcpRelay(source.targetHost(), source.targetPort());
        int artemis = FaultPorts.free();
        brokerRelay = new TcpRelay("127.0.0.1", artemis);
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("faults.camel.yaml"), FaultRoutes.file(options, sftpPort, inbox.url()));
        String pushKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> settings = new LinkedHashMap<>(store.settings());
        settings.put("hub.demo.enabled", "false");
        settings.put("hub.data-dir", work.resolve("hub").toString());
        settings.put("hub.routes-dir", routes.toString());
        settings.put("hub.artemis.acceptor-url", "tcp://127.0.0.1:" + artemis + "?protocols=CORE");
        settings.put("hub.push.keys.jtysj", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(pushKey.getBytes(StandardCharsets.UTF_8))));
        settings.put("hub.datasources." + FaultRoutes.SOURCE + ".url", source.relayedUrl(databaseRelay.port()));
        settings.put("hub.datasources." + FaultRoutes.SOURCE + ".username", source.user());
        settings.put("faults.sftp.password", sftpPassword);
        settings.put("camel.main.shutdown-timeout", "5");
        settings.put("logging.level.root", "WARN");
        readerKey = addReader();
        if (options.cluster()) {
            settings.remove("hub.data-dir"); // each node has its own folder
            settings.putAll(startBrokerPair());
            nodes = new ClusterNodes(options.nodes(), settings, work, options.hubHeap(), "faults-" + options.seed());
            cluster = new ClusterChecks(this, nodes, report, random);
            hub = nodes.node(0); // the front: the feed reader and the pushes use it
        } else {
            hub = new HubChild(settings, FaultPorts.free(), work.resolve("hub.log"), options.hubHeap());
            nodes = new ClusterNodes(hub);
        }
        int port = hub.port();
        long seed = options.seed();
        if (options.runs("push")) {
            loads.put("push", new PushLoad(port, pushKey, seed * 1_000_000));
        }
        if (options.runs("jdbc")) {
            loads.put("jdbc", new JdbcLoad(source, seed));
        }
        if (options.runs("sftp")) {
            loads.put("sftp", new SftpLoad(drop, (seed % 1000) * 100_000));
        }
        if (options.runs("delivery")) {
            loads.put("delivery", new DecisionLoad(source, seed));
        }
        reader = new FeedReader(port, readerKey);
        startHub();
        loads.values().forEach(Load::start);
        reader.start();
    }

    /**
     * The hub's broker pair (shared store) for a cluster run, and the bureau's durable subscriber on it; returns the
     * hub nodes' settings for it: the failover URL and the hub's login, no embedded broker.
     */
    private Map<String, String> startBrokerPair() throws Exception {
        String hubPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        List<String> settings = List.of("--datasource-url", store.url(), "--datasource-username", store.user(),
                "--hub.broker.cluster-password=" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)),
                "--hub.artemis.hub-password=" + hubPassword, "--hub.data-dir=" + work.resolve("broker"));
        int primaryPort = FaultPorts.free();
        int backupPort = FaultPorts.free();
        Path journal = work.resolve("broker").resolve("journal");
        primary = new BrokerChild("primary", primaryPort, backupPort, journal, work.resolve("broker-primary.log"), settings);
        backup = new BrokerChild("backup", backupPort, primaryPort, journal, work.resolve("broker-backup.log"), settings);
        primary.start(BrokerChild.PRIMARY_STARTED, START_TIMEOUT);
        backup.start(BrokerChild.BACKUP_WAITING, START_TIMEOUT);
        String url = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                + ")?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.0";
        feedConsumer = new BrokerConsumer(url, READER, readerKey, "scjgj");
        Map<String, String> hub = new LinkedHashMap<>();
        hub.put("spring.artemis.mode", "native");
        hub.put("spring.artemis.embedded.enabled", "false");
        hub.put("spring.artemis.broker-url", url);
        hub.put("spring.artemis.user", "hub");
        hub.put("spring.artemis.password", hubPassword);
        hub.put("hub.artemis.acceptor-url", "");
        return hub;
    }

    /** The bureau's API client of the feed reader and the broker consumer, added to the store before the hub runs. */
    private String addReader() {
        return addClient(READER);
    }

    /** Adds a bureau API client to the store ({@code clients add}); returns its key. */
    String addClient(String id) {
        String printed = clients("add", id, "--role", "bureau", "--department", "zhzf");
        return printed.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.contains(" ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key printed by clients add"));
    }

    /** Revokes every key of a client in the store ({@code clients revoke}), as an admin would. */
    void revokeClient(String id) {
        clients("revoke", id);
    }

    private String clients(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--datasource-url", store.url(), "--datasource-username", store.user()));
        int rc = ApiClientsCommand.run(command.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("clients " + args[0] + " failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Starts the hub; in a cluster run every node but the last, which joins later ({@link ClusterChecks#join}). */
    private void startHub() throws Exception {
        for (int i = 0; i < Math.max(1, nodes.size() - 1); i++) {
            nodes.start(i, START_TIMEOUT);
            startMillis.add(nodes.node(i).lastStartMillis());
        }
    }

    /**
     * kill -9 at a random moment 1.5 to 5 s into the hub's work (and after at least one more push was answered, so
     * that every kill lands among acknowledged pushes), restart at once; {@code n} times.
     */
    void kills(int n) throws Exception {
        if (cluster != null) {
            cluster.join();
            cluster.brokerKill(primary, backup, feedConsumer);
            // kill -9 the node running the busy source, then the one running the delivery dispatcher, and so on
            List<String> victims = new ArrayList<>();
            victims.add(loads.containsKey("jdbc") ? "scjgj-licences" : "zhzf-penalties");
            if (loads.containsKey("delivery")) {
                victims.add("delivery-dispatcher");
            }
            cluster.kills(n, victims);
            cluster.steadyState(Duration.ofSeconds(10));
            cluster.revocation();
            return;
        }
        for (int i = 0; i < n; i++) {
            long pushed = loads.containsKey("push") ? loads.get("push").acknowledged().size() : -1;
            Thread.sleep(1500 + random.nextInt(3500));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (pushed >= 0 && loads.get("push").acknowledged().size() == pushed && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            hub.kill();
            kills++;
            startHub();
        }
    }

    /** Lets the hub run under load for {@code minutes}, sampling its heap and the store every minute. */
    void soak(int minutes) throws Exception {
        new SoakSampler(this, report).run(minutes);
    }

    Outages outages() throws Exception {
        List<String> lines = new ArrayList<>();
        Outages outages = new Outages(this, lines);
        outages.runAll();
        lines.forEach(l -> report.note("%s: %s", store.kind(), l));
        return outages;
    }

    /** Stops the loads, waits up to the grace period for the hub to catch up, then stops the hub. */
    void finish() throws Exception {
        Thread.sleep(5000); // the loads run a little on the last start too
        for (Load l : loads.values()) {
            l.stop();
        }
        long begin = System.nanoTime();
        long deadline = begin + options.grace() * 1_000_000_000L;
        while (System.nanoTime() < deadline && !caughtUp()) {
            Thread.sleep(500);
        }
        boolean caughtUp = caughtUp();
        report.note("%s: after the loads stopped the hub %s", store.kind(), caughtUp
                ? String.format("had everything on the feed and in the inbox in %.1f s", (System.nanoTime() - begin) / 1e9)
                : "had NOT caught up within the " + options.grace() + " s grace (what is missing counts as lost;"
                        + " thread dump in its log)");
        if (!caughtUp) {
            hub.dumpThreads("not caught up after the loads stopped");
        }
        reader.stop();
        reader.readToEnd();
        if (cluster != null) {
            cluster.brokerFeed(feedConsumer, reader.positionsOf("scjgj"));
            report.note("%s cluster: %d of %d checks passed (the join, the broker kill, each takeover, the steady state,"
                    + " the Artemis feed: the table's outages column)", store.kind(), cluster.passed(), cluster.ran());
        }
        nodes.stopAll();
    }

    private boolean caughtUp() {
        for (Load l : loads.values()) {
            boolean done = l instanceof DecisionLoad ? inbox.received().containsAll(l.acknowledged().keySet())
                    : reader.keys(l.department(), l.feed()).containsAll(l.acknowledged().keySet());
            if (!done) {
                return false;
            }
        }
        return true;
    }

    void stopSftp() {
        sftp.close();
    }

    void startSftp() {
        sftp = EmbeddedSftpServer.start(sftpPort, work.resolve("sftp"), Map.of(FaultRoutes.SFTP_USER, sftpPassword));
        sftpPort = sftp.port();
    }

    Load load(String scenario) {
        return loads.get(scenario);
    }

    Map<String, Load> loads() {
        return loads;
    }

    FaultOptions options() {
        return options;
    }

    FaultStore store() {
        return store;
    }

    HubChild hub() {
        return hub;
    }

    DecisionInbox inbox() {
        return inbox;
    }

    TcpRelay databaseRelay() {
        return databaseRelay;
    }

    TcpRelay brokerRelay() {
        return brokerRelay;
    }

    FeedReader reader() {
        return reader;
    }

    String readerKey() {
        return readerKey;
    }

    long killCount() {
        return kills;
    }

    void countKill() {
        kills++;
    }

    /** The cluster checks of a cluster run, else null. */
    ClusterChecks cluster() {
        return cluster;
    }

    List<Long> startMillis() {
        return startMillis;
    }

    @Override
    public void close() throws Exception {
        for (Load l : loads.values()) {
            l.stop();
        }
        if (nodes != null) {
            nodes.killAll();
        }
        for (AutoCloseable c : new AutoCloseable[] { feedConsumer, primary, backup, databaseRelay, brokerRelay }) {
            if (c != null) {
                c.close();
            }
        }
        if (inbox != null) {
            try {
                inbox.close();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
        if (sftp != null) {
            try {
                sftp.close();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
        store.drop();
        source.drop();
        keepLog();
    }

    /** The hub's log of the run, kept as target/faults-<store>-hub.log (the run's folder is deleted). */
    private void keepLog() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            for (int i = 0; i <= (nodes == null ? 0 : nodes.size()); i++) {
                String name = i == 0 ? "hub.log" : "node-" + i + ".log";
                keep(target, name);
            }
            for (String name : List.of("broker-primary.log", "broker-backup.log")) {
                keep(target, name);
            }
        } catch (java.io.IOException e) {
            System.err.println("faults: could not keep the hub's log: " + e.getMessage());
        }
    }

    private void keep(Path target, String name) throws java.io.IOException {
        Path log = work.resolve(name);
        if (Files.exists(log)) {
            Files.copy(log, target.resolve("faults-" + store.kind() + "-" + name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
