package org.onex.hub.cli;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A command of {@code java -jar onex-hub.jar <command> …} that runs instead of the hub ({@code validate},
 * {@code dry-run}, {@code benchmark}, {@code faults}, …). Each is listed in
 * {@code META-INF/services/org.onex.hub.cli.HubCommand} and found by name, so the hub's main class imports none
 * of them: the benchmark, the fault suite and their demo departments stay out of the hub's own code path.
 */
public interface HubCommand {

    /** The word after the jar: {@code validate}. */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** Runs with the arguments after the name; returns the exit code (0 well, 1 a finding, 2 could not run). */
    int execute(String[] args);

    /** Every command on the class path, in the order they are listed. */
    static List<HubCommand> all() {
        return ServiceLoader.load(HubCommand.class, HubCommand.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    static Optional<HubCommand> named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The list printed for an unknown command. */
    static String usage() {
        StringBuilder out = new StringBuilder("usage: java -jar onex-hub.jar [<command>] [options]\n"
                + "  (no command)     run the hub (--name=value settings as usual)\n");
        all().forEach(c -> out.append(String.format("  %-16s %s%n", c.name(), c.summary())));
        return out.toString();
    }
}
