package org.onex.hub.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.onex.hub.config.ConfigException.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed hand-edited YAML file: its path, its content as a Jackson tree, and the 1-based line
 * of every node keyed by JSON pointer, so that any later check can say where a value is.
 * For a mapping entry the line is the line of its key.
 *
 * @param file  the file, as given (relative paths stay relative in messages)
 * @param root  the content; YAML ints, floats and booleans stay typed, other scalars are text
 * @param lines line of each node by JSON pointer ({@code ""} is the root)
 */
public record YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public YamlDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        lines = Map.copyOf(lines);
    }

    /**
     * Reads and parses a YAML file.
     *
     * @throws ConfigException when the file cannot be read, is not YAML (with the line of the
     *                         syntax error), or repeats a key within one mapping
     */
    public static YamlDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new Problem(file, 0, "", "file not found")), e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(new Problem(file, 0, "", "not UTF-8 text")), e);
        } catch (IOException e) {
            throw new ConfigException(List.of(new Problem(file, 0, "", "cannot read the file: " + e)), e);
        }
        return parse(file, text);
    }

    /** Parses YAML text as if read from {@code file} (the file is only used in messages). */
    public static YamlDocument parse(Path file, String text) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        } catch (YAMLException e) {
            throw new ConfigException(List.of(new Problem(file, 0, "", "not valid YAML: " + e.getMessage())), e);
        }
        return YamlTree.build(file, node);
    }

    /**
     * The 1-based line of the node at {@code jsonPointer}; for a pointer to a node that does not
     * exist (a missing key), the line of its nearest existing ancestor; 0 if nothing is known.
     */
    public int line(String jsonPointer) {
        String p = checkPointer(jsonPointer);
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The readable key path of a JSON pointer, e.g. {@code /departments/3/code} → {@code departments[3].code}. */
    public String key(String jsonPointer) {
        StringBuilder key = new StringBuilder();
        JsonNode node = root;
        for (String segment : segments(checkPointer(jsonPointer))) {
            if (node.isArray() && segment.matches("\\d+")) {
                key.append('[').append(segment).append(']');
                node = node.path(Integer.parseInt(segment));
            } else {
                if (PLAIN_KEY.matcher(segment).matches()) {
                    key.append(key.length() > 0 ? "." : "").append(segment);
                } else {
                    key.append("[\"").append(segment).append("\"]");
                }
                node = node.path(segment);
            }
        }
        return key.toString();
    }

    /** A problem at the node {@code jsonPointer} of this file, with its line and key filled in. */
    public Problem problem(String jsonPointer, String reason) {
        return new Problem(file, line(jsonPointer), key(jsonPointer), reason);
    }

    /** Builds a JSON pointer from keys and indexes: {@code pointer("departments", 3, "code")}. */
    public static String pointer(Object... segments) {
        StringBuilder p = new StringBuilder();
        for (Object s : segments) {
            p.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        }
        return p.toString();
    }

    private static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        if (!pointer.isEmpty()) {
            for (String s : pointer.substring(1).split("/", -1)) {
                out.add(s.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out;
    }

    private static String checkPointer(String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: '" + pointer + "'");
        }
        return pointer;
    }

    private static ConfigException syntaxError(Path file, MarkedYAMLException e) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
        String context = e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark
                ? e.getContext() + " at line " + (e.getContextMark().getLine() + 1)
                : null;
        String reason;
        if (problem.contains("\\t(TAB)")) {
            reason = "found a tab character; indent YAML with spaces, not tabs";
        } else if (problem.startsWith("expected <block end>") && context != null) {
            // the usual hand-editing slip: a key indented one space too few or too many
            reason = "bad indentation: this line does not line up with the entries above (" + context + ")";
        } else if (problem.contains("another document")) {
            reason = "a second YAML document ('---'); the file must hold exactly one";
        } else {
            reason = problem + (context == null ? "" : " (" + context + ")");
        }
        int line = mark == null ? 0 : mark.getLine() + 1;
        return new ConfigException(List.of(new Problem(file, line, "", "YAML syntax error: " + reason)), e);
    }
}
