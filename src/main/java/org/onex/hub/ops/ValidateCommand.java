package org.onex.hub.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.onex.hub.calendar.CalendarLoader;
import org.onex.hub.cli.CommandLines;
import org.onex.hub.cli.HubCommand;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.deadline.ObligationRules;
import org.onex.hub.delivery.InboxDefinition;
import org.onex.hub.delivery.MatterTable;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.policy.SharingPolicy;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate}: checks every file IT teams edit with the hub's own loaders, without starting the hub (no Spring
 * context, database or broker), and prints every problem as {@code file:line: key: reason}, then a summary line. It
 * reads the settings the hub would read ({@link HubSettings}), so a broken settings file and a route naming a data
 * source, SFTP server or inbox the settings do not define are caught before a start; {@code --connect} also checks
 * the jdbc-source tables and columns against the department databases.
 */
public final class ValidateCommand implements HubCommand {

    static final String USAGE = "usage: validate [--config-dir config] [--routes-dir routes] [--mappings-dir mappings]"
            + " [--connect] [--spring.profiles.active=prod] [--<setting>=<value> ...]";

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public ValidateCommand() {
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check config/, routes/ and mappings/ (and the settings) without starting the hub";
    }

    @Override
    public int execute(String[] args) {
        return run(args);
    }

    /** @return 0 when every file is valid, 1 when any has a problem, 2 for a usage error */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /**
     * Runs the command, writing problems and the summary to {@code out} and usage errors to {@code err}.
     * {@code --name=value} arguments are settings, as on the hub's own command line; {@code --connect} also checks
     * the jdbc-source identifiers against the live department databases (read-only).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments();
        List<String> settingArgs;
        try {
            settingArgs = CommandLines.parse(a, args, CommandLines::isSetting);
        } catch (CommandLines.UsageException e) {
            return usage(err, e.getMessage());
        }
        Path config = a.configDir;
        Path routes = a.routesDir;
        Path mappings = a.mappingsDir;
        boolean connect = a.connect;
        // The loaders log their progress at INFO, which would mix into the problem list; warnings still show.
        LoggingSystem logging = LoggingSystem.get(ValidateCommand.class.getClassLoader());
        LogLevel before = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        try {
            List<Problem> problems = new ArrayList<>();
            // the settings first: they say where the files are (hub.config-dir ...) and what routes may name
            HubSettings settings = HubSettings.load(settingArgs.toArray(String[]::new), problems);
            Path configDir = config != null ? config : dir(settings, "hub.config-dir", "config");
            Path routesDir = routes != null ? routes : dir(settings, "hub.routes-dir", "routes");
            Path mappingsDir = mappings != null ? mappings : dir(settings, "hub.mappings-dir", "mappings");
            try (RouteSettingsCheck settingsCheck = new RouteSettingsCheck(settings, connect, problems)) {
                return validate(configDir, routesDir, mappingsDir, settings, settingsCheck, problems, out);
            }
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, before);
        }
    }

    /** The command line of {@code validate}; {@code --name=value} arguments are the hub's settings. */
    @Command(name = "validate")
    static final class Arguments {

        @Option(names = "--config-dir", paramLabel = "DIR")
        Path configDir;

        @Option(names = "--routes-dir", paramLabel = "DIR")
        Path routesDir;

        @Option(names = "--mappings-dir", paramLabel = "DIR")
        Path mappingsDir;

        @Option(names = "--connect", description = "also check jdbc-source tables and columns in the department databases")
        boolean connect;
    }

    private static Path dir(HubSettings settings, String property, String fallback) {
        return settings == null ? Path.of(fallback) : settings.path(property, fallback);
    }

    private static int validate(Path config, Path routes, Path mappings, HubSettings settings,
            RouteSettingsCheck settingsCheck, List<Problem> problems, PrintStream out) {
        Path departmentsFile = config.resolve(RegistryConfiguration.FILE_NAME);
        DepartmentRegistry departments = load(departmentsFile, DepartmentRegistry::load, problems);
        // Simple expressions parse on a context that is created but never started (as in dry-run).
        MappingRegistry mappingRegistry = departments == null ? null
                : load(mappings, dir -> MappingRegistry.load(dir, departments, new DefaultCamelContext()), problems);
        if (departments != null) {
            load(config.resolve(MatterTable.FILE), file -> MatterTable.load(file, departments), problems);
            load(config.resolve(ObligationRules.FILE), file -> ObligationRules.load(file, departments), problems);
            Path sharing = config.resolve(SharingPolicy.FILE);
            if (Files.isRegularFile(sharing)) { // without it the hub shares nothing (and says so at start-up)
                load(sharing, file -> SharingPolicy.load(file, departments, departmentsFile), problems);
            }
        } else {
            out.println("(mappings, " + MatterTable.FILE + ", " + ObligationRules.FILE + " and route departments not"
                    + " checked: fix " + departmentsFile + " first)");
        }
        List<Path> inboxes = yamlFiles(config.resolve("inboxes"), 1);
        inboxes.forEach(file -> load(file, InboxDefinition::load, problems));
        Path calendar = config.resolve("calendar");
        load(calendar, CalendarLoader::load, problems);

        Predicate<String> departmentKnown = departments == null ? null : d -> departments.find(d).isPresent();
        // when a mapping is broken (already reported) or not loaded, only ask that its file exists
        BiPredicate<String, String> mappingExists = (d, f) -> mappingRegistry != null
                ? mappingRegistry.find(d, f).isPresent()
                : Files.isRegularFile(mappings.resolve(d).resolve(f + ".yaml"));
        RouteFileCheck routeCheck = new RouteFileCheck(departmentKnown, mappingExists, settingsCheck, problems);
        List<Path> routeFiles = yamlFiles(routes, 1).stream().filter(f -> f.toString().endsWith(".camel.yaml"))
                .toList();
        routeFiles.forEach(file -> load(file, f -> {
            routeCheck.check(YamlDocument.load(f));
            return f;
        }, problems));

        long configCount = Stream.of(departmentsFile, config.resolve(MatterTable.FILE),
                config.resolve(ObligationRules.FILE), config.resolve(SharingPolicy.FILE)).filter(Files::isRegularFile).count() + inboxes.size()
                + yamlFiles(calendar, 1).size();
        long mappingCount = yamlFiles(mappings, 2).size();
        int settingsCount = settings == null ? 1 : settings.files();
        long files = configCount + routeFiles.size() + mappingCount + settingsCount;
        String counts = "(config " + configCount + ", routes " + routeFiles.size() + ", mappings " + mappingCount
                + ", settings " + settingsCount + ")";
        problems.stream().sorted(Comparator.comparing((Problem p) -> p.file().toString())
                .thenComparingInt(Problem::line)).forEach(out::println);
        if (problems.isEmpty()) {
            out.println("OK: " + files + " files checked " + counts);
            return 0;
        }
        out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + files + " files "
                + counts);
        return 1;
    }

    /** Runs one loader, keeping its problems instead of stopping at the first broken file; null when it failed. */
    private static <T> T load(Path file, Function<Path, T> loader, List<Problem> problems) {
        try {
            return loader.apply(file);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            problems.add(new Problem(file, 0, "", String.valueOf(e.getMessage())));
        }
        return null;
    }

    /** The {@code *.yaml} and {@code *.yml} files up to {@code depth} folders below {@code dir}; none if missing. */
    private static List<Path> yamlFiles(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("validate: " + problem);
        err.println(USAGE);
        return 2;
    }
}
