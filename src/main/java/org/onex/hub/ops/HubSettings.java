package org.onex.hub.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.connect.DepartmentDataSources.Definition;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The Spring settings the hub itself would read, loaded by Spring Boot's own config data loading without starting
 * anything: {@code application.yaml} in the jar, {@code ./application.yaml}, {@code ./config/application.yaml},
 * {@code ./config/*}{@code /application.yaml}, the profile files of {@code spring.profiles.active}, the environment
 * and {@code --name=value} arguments (e.g. {@code --spring.config.additional-location}), in Spring Boot's order. So
 * {@code validate} sees the data sources, SFTP servers and inboxes a start would see, and a settings file a start
 * would refuse.
 *
 * @param environment  the loaded environment
 * @param datasources  {@code hub.datasources} by name
 * @param sftpServers  {@code hub.sftp-servers} by name
 * @param restInboxes  {@code hub.rest-inboxes} by name
 * @param files        how many settings files were read
 */
record HubSettings(ConfigurableEnvironment environment, Map<String, Definition> datasources,
        Map<String, Map<String, String>> sftpServers, Map<String, Map<String, String>> restInboxes, int files) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

    /** Loads the settings; null (with the problem added) when a settings file is broken. */
    static HubSettings load(String[] springArgs, List<Problem> problems) {
        StandardEnvironment env = new StandardEnvironment();
        if (springArgs.length > 0) {
            env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs));
        }
        try {
            ConfigDataEnvironmentPostProcessor.applyTo(env);
        } catch (RuntimeException e) {
            problems.add(brokenFile(e, env));
            return null;
        }
        ConfigurationPropertySources.attach(env);
        Binder binder = Binder.get(env);
        Map<String, Definition> datasources = bind(binder, "hub.datasources", Bindable.mapOf(String.class,
                Definition.class), problems);
        var nested = Bindable.mapOf(String.class, String.class).getType();
        @SuppressWarnings("unchecked")
        Bindable<Map<String, Map<String, String>>> mapOfMaps = (Bindable<Map<String, Map<String, String>>>) (Bindable<?>)
                Bindable.of(org.springframework.core.ResolvableType.forClassWithGenerics(Map.class,
                        org.springframework.core.ResolvableType.forClass(String.class), nested));
        Map<String, Map<String, String>> sftp = bind(binder, "hub.sftp-servers", mapOfMaps, problems);
        Map<String, Map<String, String>> inboxes = bind(binder, "hub.rest-inboxes", mapOfMaps, problems);
        int files = (int) env.getPropertySources().stream().filter(s -> s.getName().startsWith("Config resource"))
                .count();
        return new HubSettings(env, datasources, sftp, inboxes, files);
    }

    /** The folder a hub setting such as {@code hub.routes-dir} names, or {@code fallback}. */
    Path path(String property, String fallback) {
        return Path.of(environment.getProperty(property, fallback));
    }

    /**
     * The first {@code {{placeholder}}} of a route parameter's value that the settings do not define, with the
     * reason; empty when every placeholder resolves (or is an environment variable or has a default, which only
     * the running hub's environment can tell).
     */
    Optional<String> unresolved(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            String key = m.group(1).trim();
            if (key.startsWith("env:") || key.startsWith("sys:") || key.contains(":")) {
                continue;
            }
            Optional<String> named = named(key, "hub.sftp-servers.", sftpServers, "SFTP server")
                    .or(() -> named(key, "hub.rest-inboxes.", restInboxes, "inbox"))
                    .or(() -> named(key, "hub.datasources.", datasources, "data source"));
            if (named.isPresent()) {
                return named;
            }
            if (!environment.containsProperty(key)) {
                return Optional.of("'{{" + key + "}}': property " + key + " is not set in the settings");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> named(String key, String prefix, Map<String, ?> defined, String what) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = key.substring(prefix.length());
        String name = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return defined.containsKey(name) ? Optional.empty() : Optional.of(undefined(what, name, prefix
                .substring(0, prefix.length() - 1), defined));
    }

    /** {@code data source 'x' is not defined in hub.datasources (known: a, b)}. */
    static String undefined(String what, String name, String where, Map<String, ?> defined) {
        return what + " '" + name + "' is not defined in " + where + " (known: " + (defined.isEmpty() ? "none"
                : String.join(", ", new TreeMap<>(defined).keySet())) + ")";
    }

    private static <T> Map<String, T> bind(Binder binder, String name, Bindable<Map<String, T>> type,
            List<Problem> problems) {
        try {
            return binder.bind(name, type).orElseGet(Map::of);
        } catch (BindException e) {
            problems.add(at(Origin.from(e), e.getName() + ": " + reason(e)));
            return Map.of();
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : String.valueOf(root.getMessage());
    }

    /** A problem at an origin Spring tracked (file and line), or at "settings" when there is none. */
    private static Problem at(Origin origin, String reason) {
        Origin o = origin;
        while (o != null && !(o instanceof TextResourceOrigin)) {
            o = o.getParent();
        }
        if (o instanceof TextResourceOrigin text && text.getResource() != null) {
            int line = text.getLocation() == null ? 0 : text.getLocation().getLine() + 1;
            return new Problem(file(text.getResource()), line, "", reason);
        }
        return new Problem(Path.of("settings"), 0, "", reason);
    }

    /** The file of a settings resource as an operator writes it (a class path resource by its name). */
    private static Path file(Resource resource) {
        Resource r = resource instanceof OriginTrackedResource tracked ? tracked.getResource() : resource;
        if (r instanceof FileSystemResource fs) {
            return Path.of(fs.getPath());
        }
        return Path.of(r.getDescription());
    }

    /**
     * A settings file Spring Boot refused. Its YAML parser names no file, so the candidate files of the locations
     * (./, ./config/, ./config/*, spring.config.location and spring.config.additional-location) are re-read with the
     * hub's YAML reader, which names the file, line and reason; the one failing on the same line is the one.
     */
    private static Problem brokenFile(RuntimeException e, StandardEnvironment env) {
        MarkedYAMLException yaml = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                yaml = m;
            }
        }
        int line = yaml == null || yaml.getProblemMark() == null ? 0 : yaml.getProblemMark().getLine() + 1;
        Problem fallback = null;
        for (Path file : candidates(env)) {
            try {
                YamlDocument.load(file);
            } catch (ConfigException broken) {
                Problem p = broken.problems().get(0);
                if (p.reason().contains("second YAML document")) {
                    continue; // Spring Boot reads multi-document files; this is not what it refused
                }
                if (p.line() == line) {
                    return p;
                }
                fallback = fallback == null ? p : fallback;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        String reason = String.valueOf(yaml != null ? yaml.getProblem() : e.getMessage());
        return new Problem(Path.of("settings"), line, "", "a settings file cannot be read: " + reason);
    }

    private static List<Path> candidates(StandardEnvironment env) {
        List<Path> places = new ArrayList<>(List.of(Path.of("application.yaml"), Path.of("application.yml"),
                Path.of("config")));
        for (String property : List.of("spring.config.location", "spring.config.additional-location")) {
            for (String location : env.getProperty(property, "").split("[,;]")) {
                String l = location.trim().replaceFirst("^optional:", "");
                if (!l.isEmpty() && !l.startsWith("classpath")) {
                    places.add(Path.of(l.replaceFirst("^file:", "")));
                }
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path place : places) {
            if (Files.isRegularFile(place)) {
                files.add(place);
            } else if (Files.isDirectory(place)) {
                try (Stream<Path> s = Files.walk(place, 2)) {
                    s.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).sorted()
                            .forEach(files::add);
                } catch (IOException ex) {
                    // an unreadable folder: Spring Boot reports it in its own words
                }
            }
        }
        return files;
    }
}
