package org.onex.hub.ops;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onex.hub.cli.CommandLines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The parts of docker/compose.yaml, application-prod.yaml and BrokerCommand that {@link ComposeTopologyTest} holds
 * against each other: the variables the prod profile reads (and the property each one sets), the services by role,
 * and a broker service's command line as {@code broker} parses it.
 */
final class ComposeTopology {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private ComposeTopology() {
    }

    /** Every {@code ${VAR}} or {@code ${VAR:default}} of the YAML text: variable → default (null: none). */
    static Map<String, String> variables(String yamlText) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(yamlText);
        while (m.find()) {
            variables.put(m.group(1), m.group(2));
        }
        return variables;
    }

    /** Property path → the variable it is read from, for each value that is one placeholder. */
    static Map<String, String> propertyVariables(String yamlText) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        flatten("", YAML.readTree(yamlText), properties);
        return properties;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            if (m.matches()) {
                out.put(prefix, m.group(1));
            }
        }
    }

    /** KEY=value lines of an env file (comments and blank lines skipped). */
    static Map<String, String> envFile(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                .forEach(l -> env.put(l.substring(0, l.indexOf('=')).strip(), l.substring(l.indexOf('=') + 1)));
        return env;
    }

    /** A service's {@code environment}, in map or list form. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(),
                    e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(n -> {
                String line = n.asText();
                int eq = line.indexOf('=');
                env.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
            });
        }
        return env;
    }

    static List<String> list(JsonNode node) {
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> items.add(n.asText()));
        } else if (node.isTextual()) {
            items.add(node.asText());
        }
        return items;
    }

    /** A broker service: its command begins with {@code broker}. */
    static boolean isBroker(JsonNode service) {
        List<String> command = list(service.path("command"));
        return !command.isEmpty() && command.get(0).equals("broker");
    }

    /** A hub node: the hub image (built from docker/Dockerfile) run without a command. */
    static boolean isHub(JsonNode service) {
        return service.path("image").asText().equals("onex-hub") && list(service.path("command")).isEmpty();
    }

    /** Named volume → container path of a service (short syntax; bind mounts start with . or /). */
    static Map<String, String> namedVolumes(JsonNode service) {
        Map<String, String> volumes = new LinkedHashMap<>();
        for (String v : list(service.path("volumes"))) {
            String[] parts = v.split(":");
            if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                volumes.put(parts[0], parts[1]);
            }
        }
        return volumes;
    }

    /** What {@code onex-hub.jar broker} makes of a command line (its own parser: unknown options throw). */
    record BrokerLine(boolean primary, boolean backup, String ha, String host, Integer port, String peer,
            String dataDir) {

        static BrokerLine parse(List<String> args) throws ReflectiveOperationException {
            Class<?> type = Class.forName("org.onex.hub.broker.BrokerCommand$Arguments");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object options = constructor.newInstance();
            CommandLines.parse(options, args.toArray(String[]::new), CommandLines::isStoreSetting);
            Object role = field(options, "role");
            return new BrokerLine(role != null && (boolean) field(role, "primary"),
                    role != null && (boolean) field(role, "backup"), (String) field(options, "ha"),
                    (String) field(options, "host"), (Integer) field(options, "port"), (String) field(options, "peer"),
                    (String) field(options, "dataDir"));
        }

        private static Object field(Object target, String name) throws ReflectiveOperationException {
            Field f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        }

        String address() {
            return host + ":" + port;
        }
    }
}
