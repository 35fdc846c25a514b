package org.onex.hub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.onex.hub.auth.ApiClient;
import org.onex.hub.auth.ApiClientKey;
import org.onex.hub.auth.ApiClientSecret;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clients}: the admin's way to manage API clients without a running hub. In production no
 * client exists until an admin adds one here; a new key is printed once and never again (the store keeps only
 * its hash). Runs on the hub's store exactly as {@code audit-verify} does, and every change is audited with the
 * actor {@code cli:<OS user>}.
 */
public final class ApiClientsCommand implements HubCommand {

    static final String USAGE = String.join("\n",
            "usage: clients add <id> --role bureau|department|office|operator|admin [--department CODE] [--name NAME]",
            "       clients rotate <id> [--overlap 7d]     new key; the old ones work until the overlap ends",
            "       clients revoke <id|keyId>              refused from now on (all keys of a client, or one key)",
            "       clients map-certificate <id> <cert.pem>  requests over TLS with this client certificate act as <id>",
            "       clients disable <id> | enable <id>",
            "       clients list",
            "  each with " + CommandStore.DATASOURCE_OPTIONS);

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public ApiClientsCommand() {
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public String summary() {
        return "add, list, rotate and revoke API clients and their keys in the hub store";
    }

    @Override
    public int execute(String[] args) {
        return run(args, System.out, System.err);
    }

    /** The command line of {@code clients}: the action and its operands, the options of {@code add} and {@code rotate}. */
    @Command(name = "clients")
    static final class Arguments {

        @Parameters(paramLabel = "ACTION AND OPERANDS")
        List<String> positional = new ArrayList<>();

        @Option(names = "--role", paramLabel = "ROLE")
        String role;

        @Option(names = "--department", paramLabel = "CODE")
        String department;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "7d")
        String overlap;

        @Mixin
        CommandStore.StoreOptions store = new CommandStore.StoreOptions();
    }

    /** @return 0 when done, 1 when the store refused (unknown client, invalid value), 2 for a usage error */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments options = new Arguments();
        String action;
        try {
            options.store.parse(options, args);
            action = options.positional.isEmpty() ? "" : options.positional.get(0);
            int operands = action.equals("list") ? 1 : action.equals("map-certificate") ? 3 : 2;
            if (!List.of("add", "rotate", "revoke", "disable", "enable", "list", "map-certificate").contains(action)
                    || options.positional.size() != operands) {
                throw new IllegalArgumentException(action.isEmpty() ? "what to do?" : "cannot understand "
                        + String.join(" ", options.positional));
            }
        } catch (IllegalArgumentException e) {
            err.println("clients: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext store = CommandStore.open(options.store, true)) {
            ApiClients clients = store.getBean(ApiClients.class);
            Client actor = new Client("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN, null);
            String id = action.equals("list") ? null : options.positional.get(1);
            switch (action) {
            case "add" -> add(clients, id, options, configDir(store), actor, out);
            case "rotate" -> printKey(clients.rotate(id, overlap(options), actor), out);
            case "revoke" -> out.println("revoked " + clients.revoke(id, actor) + " key(s) of " + id
                    + "; they are refused from now on");
            case "map-certificate" -> mapCertificate(clients, id, Path.of(options.positional.get(2)), actor, out);
            case "disable", "enable" -> out.println(clients.setEnabled(id, action.equals("enable"), actor)
                    ? id + " " + action + "d" : id + " was " + action + "d already");
            default -> list(clients.list(), out);
            }
            return 0;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            err.println("clients: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("clients: cannot open the hub store: " + CommandStore.describe(e));
            return 2;
        }
    }

    private static void add(ApiClients clients, String id, Arguments options, Path configDir,
            Client actor, PrintStream out) {
        String roleName = options.role;
        if (roleName == null) {
            throw new IllegalArgumentException("add needs --role");
        }
        Role role;
        try {
            role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + roleName + "'");
        }
        String department = options.department;
        Path registry = configDir.resolve(RegistryConfiguration.FILE_NAME);
        if (department != null && Files.isRegularFile(registry) && !registered(registry, department)) {
            throw new IllegalArgumentException("department '" + department + "' is not in " + registry);
        }
        ApiClient client = clients.add(id, role, department, options.name, actor);
        out.println("added client " + client.id() + " (" + client.role()
                + (client.department() == null ? "" : ", " + client.department()) + ")");
        printKey(clients.issue(id, actor), out);
    }

    private static void mapCertificate(ApiClients clients, String id, Path pem, Client actor, PrintStream out) {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read a certificate from " + pem + ": " + e.getMessage());
        }
        ApiClientKey mapped = clients.mapCertificate(id, certificate, actor);
        out.println("mapped " + mapped.keyId() + " to " + id + ": " + mapped.label() + ", SHA-256 "
                + ApiClients.fingerprint(certificate) + ", valid until " + mapped.notAfter());
        out.println("Revoke it with: clients revoke " + mapped.keyId());
    }

    private static void printKey(ApiClientSecret secret, PrintStream out) {
        out.println("new key " + secret.keyId() + " of " + secret.clientId() + ":");
        out.println();
        out.println("    " + secret.key());
        out.println();
        out.println("It is shown only now (the hub keeps its SHA-256): give it to the client over a safe channel.");
        if (secret.previousValidUntil() != null) {
            out.println("The client's older keys work until " + secret.previousValidUntil() + ".");
        }
    }

    private static void list(List<ApiClient> clients, PrintStream out) {
        Instant now = Instant.now();
        out.printf("%-24s %-10s %-10s %-8s %s%n", "ID", "ROLE", "DEPT", "ENABLED", "KEYS / NAME");
        for (ApiClient c : clients) {
            String keys = c.keys().stream().map(k -> describe(k, now)).collect(Collectors.joining(", "));
            out.printf("%-24s %-10s %-10s %-8s %s%n", c.id(), c.role(), c.department() == null ? "-" : c.department(),
                    c.enabled() ? "yes" : "no", (keys.isEmpty() ? "no key" : keys) + " / " + c.displayName());
        }
        out.println(clients.size() + (clients.size() == 1 ? " client" : " clients"));
    }

    /** A key or certificate as listed: a certificate's end of validity is not an overlap, so it shows ACTIVE. */
    private static String describe(ApiClientKey k, Instant now) {
        boolean certificate = ApiClientKey.CERTIFICATE.equals(k.kind());
        ApiClientKey.Status status = k.status(now);
        return k.keyId() + (certificate ? " certificate " + k.label() : "") + " "
                + (certificate && status == ApiClientKey.Status.EXPIRING ? ApiClientKey.Status.ACTIVE : status)
                + (k.notAfter() != null && k.validAt(now) ? " until " + k.notAfter() : "");
    }

    private static Duration overlap(Arguments options) {
        String value = options.overlap;
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--overlap '" + value + "' is not a duration like 7d, 12h or 0");
        }
    }

    private static boolean registered(Path registry, String department) {
        try {
            return DepartmentRegistry.load(registry).find(department).isPresent();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot check department '" + department + "': " + e.getMessage());
        }
    }

    private static Path configDir(ConfigurableApplicationContext store) {
        return Path.of(store.getEnvironment().getProperty("hub.config-dir", "config"));
    }
}
