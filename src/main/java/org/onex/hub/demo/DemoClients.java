package org.onex.hub.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClientSecret;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo API clients of the embedded default, so a newcomer can try the difference between the
 * roles with curl. At the first start (no client in the store) it adds one client per role, issues each a key,
 * prints the keys once in a framed block on stdout and writes them to {@code ${hub.data-dir}/}{@value #FILE}
 * (owner-only), for whoever missed the console. Later starts only say where that file is. Production
 * ({@code hub.demo.enabled=false}) never runs this: there an admin adds clients with the {@code clients} command.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoClients {

    public static final String FILE = "demo-client-keys.txt";

    private static final Logger LOG = LoggerFactory.getLogger(DemoClients.class);

    /** One demo client per role: the bureau, two departments, the office, an operator and an admin. */
    record Demo(String id, Role role, String department, String name) {
    }

    static final List<Demo> CLIENTS = List.of(
            new Demo("demo-bureau", Role.BUREAU, "zhzf", "Demo: the bureau (综合行政执法局)"),
            new Demo("demo-scjgj", Role.DEPARTMENT, "scjgj", "Demo: market supervision (市场监管局)"),
            new Demo("demo-zrzyj", Role.DEPARTMENT, "zrzyj", "Demo: natural resources (自然资源和规划局)"),
            new Demo("demo-office", Role.OFFICE, null, "Demo: leadership-group office (领导小组办公室)"),
            new Demo("demo-operator", Role.OPERATOR, null, "Demo: operator"),
            new Demo("demo-admin", Role.ADMIN, null, "Demo: admin"));

    private final ApiClients clients;
    private final Path dataDir;

    @org.springframework.beans.factory.annotation.Autowired
    public DemoClients(ApiClients clients, Environment env) {
        this(clients, Path.of(env.getProperty("hub.data-dir", "./data")));
    }

    public DemoClients(ApiClients clients, Path dataDir) {
        this.clients = clients;
        this.dataDir = dataDir;
    }

    /** At the end of start-up, so the block is the last thing on the console. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        seed(System.out);
    }

    /** Adds the demo clients when the store has none; returns their keys (none when clients existed). */
    public List<ApiClientSecret> seed(PrintStream out) {
        Path file = dataDir.resolve(FILE);
        if (!clients.isEmpty()) {
            LOG.info("API clients exist; the demo clients' keys of the first start are in {}{}", file.toAbsolutePath(),
                    Files.exists(file) ? "" : " (missing: issue new ones with the clients rotate command)");
            return List.of();
        }
        List<ApiClientSecret> keys = new ArrayList<>();
        for (Demo d : CLIENTS) {
            clients.add(d.id(), d.role(), d.department(), d.name(), AuditLog.HUB);
            keys.add(clients.issue(d.id(), AuditLog.HUB));
        }
        String table = table(keys);
        write(file, "# Demo API clients of the embedded default (docs/audit-and-keys.md), one per role.\n"
                + "# Send a key as a bearer token (the push API's convention), e.g.\n"
                + "#   curl -H \"Authorization: Bearer <key>\" http://localhost:8080/api/v1/records\n" + table);
        String rule = "=".repeat(100);
        out.println(rule + "\n Demo API clients, one per role. Their keys are shown only now, and are kept in\n "
                + file.toAbsolutePath() + "\n" + rule + "\n" + table + rule);
        return keys;
    }

    private static String table(List<ApiClientSecret> keys) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            Demo d = CLIENTS.get(i);
            s.append(String.format(" %-14s %-10s %-6s %s%n", d.id(), d.role(),
                    d.department() == null ? "-" : d.department(), keys.get(i).key()));
        }
        return s.toString();
    }

    /** Writes the file readable by its owner only (mode 600) where the file system has POSIX permissions. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo client keys to " + file, e);
        }
    }
}
