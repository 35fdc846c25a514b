package org.onex.hub.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.config.ConfigException.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts one composed SnakeYAML node tree into a Jackson tree, recording the start line of
 * every node under its JSON pointer. Used once per file, then dropped. Rejects what a hand-edited
 * file should never contain: a key repeated in one mapping, non-scalar keys, recursive aliases.
 * Merge keys ({@code <<: *base}) are applied, explicit keys winning.
 */
final class YamlTree {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Scalars scalars = new Scalars();

    private YamlTree(Path file) {
        this.file = file;
    }

    static YamlDocument build(Path file, Node root) {
        YamlTree tree = new YamlTree(file);
        JsonNode json = root == null ? JSON.nullNode() : tree.convert(root, "", line(root));
        if (root == null) {
            tree.lines.put("", 1);
        }
        if (!tree.problems.isEmpty()) {
            throw new ConfigException(tree.problems);
        }
        return new YamlDocument(file, json, tree.lines);
    }

    private JsonNode convert(Node node, String pointer, int line) {
        lines.put(pointer, line);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode seq) {
            enter(seq);
            ArrayNode array = JSON.arrayNode();
            for (Node item : seq.getValue()) {
                array.add(convert(item, pointer + "/" + array.size(), line(item)));
            }
            open.remove(seq);
            return array;
        }
        return mapping((MappingNode) node, pointer);
    }

    /** Marks a collection as being converted; meeting it again inside itself means a recursive alias. */
    private void enter(Node node) {
        if (!open.add(node)) {
            throw new ConfigException(file, line(node), "", "an alias refers to a node that contains it (recursive alias)");
        }
    }

    private ObjectNode mapping(MappingNode node, String pointer) {
        enter(node);
        ObjectNode object = JSON.objectNode();
        List<NodeTuple> explicit = new ArrayList<>();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
                mergeSources(tuple.getValueNode(), merged);
            } else {
                explicit.add(tuple);
            }
        }
        for (int i = merged.size() - 1; i >= 0; i--) { // the first source wins, so apply it last
            object.setAll(mapping(merged.get(i), pointer));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple tuple : explicit) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = line(keyNode);
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(new Problem(file, keyLine, "", "a key must be a plain value, not a list or mapping"));
                continue;
            }
            String key = scalarKey.getValue();
            String child = pointer + YamlDocument.pointer(key);
            Integer first = seen.putIfAbsent(key, keyLine);
            if (first != null) {
                problems.add(new Problem(file, keyLine, "",
                        "key '" + key + "' appears twice in the same mapping (first at line " + first + ")"));
                continue;
            }
            object.set(key, convert(tuple.getValueNode(), child, keyLine));
        }
        open.remove(node);
        return object;
    }

    private void mergeSources(Node value, List<MappingNode> out) {
        if (value instanceof MappingNode m) {
            out.add(m);
        } else if (value instanceof SequenceNode seq && seq.getValue().stream().allMatch(MappingNode.class::isInstance)) {
            seq.getValue().forEach(n -> out.add((MappingNode) n));
        } else {
            problems.add(new Problem(file, line(value), "", "'<<' must merge a mapping or a list of mappings"));
        }
    }

    private JsonNode scalar(ScalarNode node) {
        Tag tag = node.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return JSON.nullNode();
            } else if (Tag.BOOL.equals(tag)) {
                return JSON.booleanNode((Boolean) scalars.value(node));
            } else if (Tag.INT.equals(tag)) {
                Object n = scalars.value(node);
                if (n instanceof Integer i) {
                    return JSON.numberNode(i);
                }
                return n instanceof Long l ? JSON.numberNode(l) : JSON.numberNode((BigInteger) n);
            } else if (Tag.FLOAT.equals(tag)) {
                return JSON.numberNode((Double) scalars.value(node));
            }
        } catch (RuntimeException e) {
            return JSON.textNode(node.getValue()); // the resolver matched, the constructor did not
        }
        return JSON.textNode(node.getValue());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** SnakeYAML's own YAML 1.1 scalar rules (0x1F, 1_000, .inf, yes/no …), exposed for one node. */
    private static final class Scalars extends SafeConstructor {
        Scalars() {
            super(new LoaderOptions());
        }

        Object value(ScalarNode node) {
            return constructObject(node);
        }
    }
}
