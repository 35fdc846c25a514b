package org.onex.hub.ops;

import static org.onex.hub.ops.ComposeTopology.environment;
import static org.onex.hub.ops.ComposeTopology.isBroker;
import static org.onex.hub.ops.ComposeTopology.isHub;
import static org.onex.hub.ops.ComposeTopology.list;
import static org.onex.hub.ops.ComposeTopology.namedVolumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.onex.hub.broker.BrokerProperties;
import org.onex.hub.ops.ComposeTopology.BrokerLine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of {@link ComposeTopologyTest}: docker/compose.yaml against application-prod.yaml, BrokerCommand's
 * options and docker/routes, each problem one sentence naming the service and the variable, option or volume.
 */
final class ComposeChecks {

    /** Read by Spring Boot itself or by the Dockerfile's entrypoint, not by application-prod.yaml. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_OPTS");
    /** Properties without a usable default that this topology needs: the secrets, from the env file. */
    private static final List<String> SECRETS = List.of("spring.datasource.password", "spring.artemis.password",
            "hub.broker.cluster-password");
    /** hub.data-dir ("./data") under the image's working directory: what a hub writes that must survive. */
    private static final String HUB_DATA = "/opt/hub/data";

    private ComposeChecks() {
    }

    /** Everything wrong with the compose file against the hub, one sentence each. */
    static List<String> problems(String composeText, String envText) throws Exception {
        String prodText = Files.readString(Path.of("src/main/resources/application-prod.yaml"));
        Map<String, String> prod = ComposeTopology.variables(prodText);
        Map<String, String> property = ComposeTopology.propertyVariables(prodText);
        Map<String, String> envFile = ComposeTopology.envFile(envText);
        JsonNode compose = ComposeTopology.YAML.readTree(composeText);
        JsonNode services = compose.path("services");
        Set<String> declaredVolumes = new HashSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declaredVolumes::add);
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> hubs = new LinkedHashMap<>();
        Map<String, JsonNode> brokers = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            if (isHub(e.getValue())) {
                hubs.put(e.getKey(), e.getValue());
            } else if (isBroker(e.getValue())) {
                brokers.put(e.getKey(), e.getValue());
            }
        });
        envFile.keySet().stream().filter(v -> !prod.containsKey(v))
                .forEach(v -> problems.add("hub.env.example: " + v + " is read by no ${…} of application-prod.yaml"));
        // (a) what hub and broker services set is what the prod profile reads; what it needs is set
        Map<String, JsonNode> hubsAndBrokers = new LinkedHashMap<>(hubs);
        hubsAndBrokers.putAll(brokers);
        hubsAndBrokers.forEach((name, service) -> {
            Map<String, String> env = environment(service);
            env.keySet().stream().filter(v -> !prod.containsKey(v) && !RUNTIME_VARIABLES.contains(v))
                    .forEach(v -> problems.add(name + ": sets " + v + ", which application-prod.yaml does not read"));
            if (!list(service.path("env_file")).contains("hub.env")) {
                problems.add(name + ": does not read env_file hub.env");
            }
            Set<String> given = new HashSet<>(env.keySet());
            given.addAll(envFile.keySet());
            prod.forEach((v, dflt) -> {
                if (dflt == null && !given.contains(v)) {
                    problems.add(name + ": " + v + " has no default in application-prod.yaml and is not set");
                }
            });
            for (String secret : SECRETS) {
                String v = property.get(secret);
                if (v == null || !envFile.containsKey(v)) {
                    problems.add(name + ": the secret " + secret + " (" + v + ") is not in hub.env.example");
                }
            }
            String db = env.getOrDefault(property.get("spring.datasource.url"), "");
            if (!db.startsWith("jdbc:postgresql://postgres:")) {
                problems.add(name + ": the hub store " + property.get("spring.datasource.url") + " is not the postgres"
                        + " service: '" + db + "'");
            }
            if (!service.has("healthcheck") || list(service.path("healthcheck").path("test")).isEmpty()) {
                problems.add(name + ": no healthcheck");
            }
        });
        Set<String> brokerAddresses = checkBrokers(brokers, problems);
        checkHubs(hubs, brokerAddresses, property, envFile, problems);
        // (b, c) the hub store, and the data of the other services on declared named volumes
        if (!services.path("postgres").path("image").asText().startsWith("postgres:")) {
            problems.add("no postgres service");
        }
        Map<String, String> mustSurvive = Map.of("postgres", "/var/lib/postgresql/data", "dept-db", "/var/lib/mysql",
                "sftp", "/home/" + envFile.get(property.get("hub.sftp-servers.sthjj.username")));
        mustSurvive.forEach((name, path) -> {
            if (!namedVolumes(services.path(name)).containsValue(path)) {
                problems.add(name + ": " + path + " is not on a named volume");
            }
        });
        services.fields().forEachRemaining(e -> {
            if (!e.getValue().has("healthcheck")) {
                problems.add(e.getKey() + ": no healthcheck");
            }
            namedVolumes(e.getValue()).keySet().stream().filter(v -> !declaredVolumes.contains(v))
                    .forEach(v -> problems.add(e.getKey() + ": volume " + v + " is not declared under volumes:"));
        });
        return problems;
    }

    /** (b) the hub nodes: one cluster of exactly these services, the broker pair, the department wiring. */
    private static void checkHubs(Map<String, JsonNode> hubs, Set<String> brokerAddresses,
            Map<String, String> property, Map<String, String> envFile, List<String> problems) throws IOException {
        if (hubs.size() < 2) {
            problems.add("fewer than 2 hub nodes: " + hubs.keySet());
        }
        String membersVar = property.get("hub.cluster.members");
        String portVar = property.get("hub.cluster.port");
        String publicVar = property.get("hub.cluster.public-address");
        Set<String> requiredSettings = requiredRouteSettings(property);
        Map<String, String> first = null;
        for (Map.Entry<String, JsonNode> hub : hubs.entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            String port = env.getOrDefault(portVar, "5701");
            Set<String> members = new TreeSet<>(List.of(env.getOrDefault(membersVar, "").split(",")));
            Set<String> expected = new TreeSet<>(hubs.keySet().stream().map(h -> h + ":" + port).toList());
            if (!members.equals(expected)) {
                problems.add(hub.getKey() + ": " + membersVar + " lists " + members + ", the hub members are "
                        + expected);
            }
            if (!env.getOrDefault(publicVar, hub.getKey() + ":").startsWith(hub.getKey() + ":")) {
                problems.add(hub.getKey() + ": " + publicVar + " is not its own service name");
            }
            String url = env.getOrDefault(property.get("spring.artemis.broker-url"), "");
            for (String address : brokerAddresses) {
                if (!url.contains("tcp://" + address)) {
                    problems.add(hub.getKey() + ": the broker URL '" + url + "' does not name " + address);
                }
            }
            if (!namedVolumes(hub.getValue()).containsValue(HUB_DATA)) {
                problems.add(hub.getKey() + ": hub.data-dir " + HUB_DATA + " is not on a named volume");
            }
            if (!list(hub.getValue().path("volumes")).contains("./routes:/opt/hub/routes:ro")) {
                problems.add(hub.getKey() + ": docker/routes is not mounted as its routes folder");
            }
            for (String setting : requiredSettings) {
                if (!env.containsKey(setting) && !envFile.containsKey(setting)) {
                    problems.add(hub.getKey() + ": docker/routes needs " + setting + ", which is not set");
                }
            }
            Map<String, String> shared = new LinkedHashMap<>(env);
            shared.remove(publicVar);
            if (first != null && !first.equals(shared)) {
                problems.add(hub.getKey() + ": its environment differs from the first hub's beyond " + publicVar);
            }
            first = first == null ? shared : first;
        }
    }

    /** The variables behind each data source and SFTP server that docker/routes names. */
    private static Set<String> requiredRouteSettings(Map<String, String> property) throws IOException {
        Set<String> settings = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("docker/routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                for (JsonNode entry : ComposeTopology.YAML.readTree(file.toFile())) {
                    for (JsonNode p : entry.path("templatedRoute").path("parameters")) {
                        String prefix = switch (p.path("name").asText()) {
                            case "dataSource" -> "hub.datasources.";
                            case "server" -> "hub.sftp-servers.";
                            default -> null;
                        };
                        if (prefix != null) {
                            String key = prefix + p.path("value").asText()
                                    + (prefix.contains("sftp") ? ".host" : ".url");
                            settings.add(property.getOrDefault(key, key + " (not in application-prod.yaml)"));
                        }
                    }
                }
            }
        }
        return settings;
    }

    /**
     * (b, d) one primary and one backup, each naming the other, accepted by BrokerCommand, on one journal.
     * Returns the brokers' addresses (host:port).
     */
    private static Set<String> checkBrokers(Map<String, JsonNode> brokers, List<String> problems) {
        Map<String, BrokerLine> lines = new LinkedHashMap<>();
        Set<String> journals = new HashSet<>();
        brokers.forEach((name, service) -> {
            List<String> command = list(service.path("command"));
            try {
                BrokerLine line = BrokerLine.parse(command.subList(1, command.size()));
                new BrokerProperties(line.ha(), line.backup() ? "backup" : "primary", line.host(), line.port(),
                        line.peer(), "placeholder");
                lines.put(name, line);
                if (!name.equals(line.host())) {
                    problems.add(name + ": --host " + line.host() + " is not its service name");
                }
                String journal = namedVolumes(service).entrySet().stream()
                        .filter(v -> v.getValue().equals(line.dataDir())).map(Map.Entry::getKey).findFirst()
                        .orElse(null);
                if (journal == null) {
                    problems.add(name + ": --data-dir " + line.dataDir() + " (the journal) is not on a named volume");
                }
                journals.add(String.valueOf(journal));
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add(name + ": broker " + command.subList(1, command.size()) + ": " + e.getMessage());
            }
        });
        long primaries = lines.values().stream().filter(BrokerLine::primary).count();
        long backups = lines.values().stream().filter(BrokerLine::backup).count();
        if (primaries != 1 || backups != 1) {
            problems.add("brokers: " + primaries + " primary and " + backups + " backup, not one of each");
        }
        if (journals.size() != 1) {
            problems.add("brokers: the pair does not share one journal volume: " + journals);
        }
        lines.forEach((name, line) -> {
            if (lines.values().stream().noneMatch(other -> other != line && other.address().equals(line.peer()))) {
                problems.add(name + ": --peer " + line.peer() + " is not the other broker of the pair");
            }
        });
        return new TreeSet<>(lines.values().stream().map(BrokerLine::address).toList());
    }

}
