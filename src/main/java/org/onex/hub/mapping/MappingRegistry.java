package org.onex.hub.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.registry.DepartmentRegistry;

/**
 * All compiled mappings of the hub, keyed by department and feed. Loaded at start-up from
 * {@code mappings/}; any broken file fails the start with every problem listed.
 */
public final class MappingRegistry {

    public static final String CODE_LISTS_FILE = "_codelists.yaml";

    private final Map<String, CompiledMapping> mappings;

    private MappingRegistry(Map<String, CompiledMapping> mappings) {
        this.mappings = Map.copyOf(mappings);
    }

    public static MappingRegistry load(Path dir, DepartmentRegistry departments, CamelContext camel) {
        MappingCompiler compiler = new MappingCompiler(camel, MappingCompiler.loadCodeLists(dir.resolve(CODE_LISTS_FILE)));
        Map<String, CompiledMapping> found = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files(dir)) {
            try {
                CompiledMapping m = compiler.compile(file);
                String dept = file.getParent().getFileName().toString();
                String feed = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                if (!m.department().equals(dept)) {
                    problems.add(new Problem(file, 0, "department", "department '" + m.department()
                            + "' does not match the folder name '" + dept + "'"));
                } else if (!m.feed().equals(feed)) {
                    problems.add(new Problem(file, 0, "feed", "feed '" + m.feed() + "' does not match the file name '"
                            + feed + "'"));
                } else if (departments.find(dept).isEmpty()) {
                    problems.add(new Problem(file, 0, "department", "department '" + dept
                            + "' is not in config/departments.yaml"));
                } else if (!departments.require(dept).mayProvide(m.category())) {
                    problems.add(new Problem(file, 0, "category", "department '" + dept + "' may not provide "
                            + m.category() + " (R-CATEGORIES, config/departments.yaml provides)"));
                } else {
                    found.put(key(dept, feed), m);
                }
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MappingRegistry(found);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> p.getNameCount() - dir.getNameCount() == 2)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<CompiledMapping> find(String department, String feed) {
        return Optional.ofNullable(mappings.get(key(department, feed)));
    }

    public CompiledMapping require(String department, String feed) {
        return find(department, feed).orElseThrow(() -> new IllegalArgumentException(
                "no mapping for department '" + department + "' feed '" + feed + "' (mappings/" + department + "/"
                        + feed + ".yaml)"));
    }

    public Collection<CompiledMapping> all() {
        return mappings.values();
    }

    private static String key(String department, String feed) {
        return department + "/" + feed;
    }
}
