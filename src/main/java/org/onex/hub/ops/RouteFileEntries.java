package org.onex.hub.ops;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.registry.DepartmentRegistry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a department route file ({@code routes/<department>.camel.yaml}) into its entries, each as the YAML Camel
 * loads alone and with what the file says of it (route id, department, feed), and places a failure of an entry
 * at its {@code file:line: key}. {@link DepartmentRouteSupervision} loads and retries the entries.
 */
final class RouteFileEntries {

    private final DepartmentRegistry registry;

    RouteFileEntries(DepartmentRegistry registry) {
        this.registry = registry;
    }

    /** Route file names: {@code <department>.camel.yaml}. */
    static final String SUFFIX = ".camel.yaml";

    /** One entry of a route file, as loaded: where it is, what it is, and how often it failed. */
    record Entry(Path file, int index, String routeId, String department, String feed) {

        /** The key of the entry across retries: its route id, else its place in the file (the file itself: -1). */
        String key() {
            return routeId != null ? routeId : index < 0 ? file.toString() : file + "#" + index;
        }
    }

    /** A route file read and parsed: the text, its tree with lines, and the YAML of each entry. */
    record Parsed(Path file, YamlDocument doc, List<String> entryYaml, String problem) {

        int entries() {
            return entryYaml.size();
        }
    }

    Parsed parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Parsed(file, null, List.of(), file + ": cannot read the file: " + e);
        }
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(file, text);
        } catch (ConfigException e) {
            return new Parsed(file, null, List.of(), e.problems().get(0).toString());
        }
        List<String> entries = new ArrayList<>();
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        if (root instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                int start = item.getStartMark().getIndex();
                int end = item.getEndMark().getIndex();
                int column = item.getStartMark().getColumn();
                // the entry alone, its first key at the column it had, so its lines keep their indentation
                entries.add(" ".repeat(Math.max(0, column - 2)) + "- " + text.substring(start, end) + "\n");
            }
        } else if (root != null) {
            entries.add(text);
        }
        return new Parsed(file, doc, entries, null);
    }

    /** Route id, department and feed (or delivery channel) of entry {@code i}, as far as the file tells. */
    Entry describe(Parsed parsed, int i) {
        JsonNode root = parsed.doc().root();
        JsonNode item = root.isArray() ? root.path(i) : root;
        JsonNode templated = item.path("templatedRoute");
        String routeId = null;
        String department = null;
        String feed = null;
        if (templated.isObject()) {
            routeId = text(templated.path("routeId"));
            department = parameter(templated, "department");
            feed = parameter(templated, "feed");
            String ref = text(templated.path("routeTemplateRef"));
            if (feed == null && ref != null && ref.startsWith("delivery-")) {
                feed = "deliveries (" + ref.substring("delivery-".length()) + ")";
            }
        } else if (item.path("route").isObject()) {
            routeId = text(item.path("route").path("id"));
        }
        if (department == null || department.contains("{{")) {
            department = routeId != null && routeId.indexOf('-') > 0 ? routeId.substring(0, routeId.indexOf('-'))
                    : null;
        }
        if (department == null || registry.find(department).isEmpty()) {
            department = departmentOfFile(parsed.file());
        }
        return new Entry(parsed.file(), i, routeId, department, feed);
    }

    static String departmentOfFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    private static String parameter(JsonNode templated, String name) {
        for (JsonNode p : templated.path("parameters")) {
            if (name.equals(text(p.path("name")))) {
                return text(p.path("value"));
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    /** {@code file:line: key: reason} for a failed entry: at the parameter the failure names, else the entry. */
    static String where(Parsed parsed, int i, Throwable e) {
        String reason = RouteFailures.reason(e);
        String pointer = RouteFailures.pointer(parsed.doc(), i, reason);
        return parsed.doc().problem(pointer, reason).toString();
    }}
