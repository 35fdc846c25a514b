package org.onex.hub.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Parses a command's arguments with picocli into its {@code @Command} object, and words every usage error the
 * same way for every command: {@code unknown option --x}, {@code unexpected argument x}, {@code --x needs a value}.
 * The arguments picocli does not know and the command accepts as settings (the hub's {@code --name=value}
 * settings, handed on to Spring) come back to the caller.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** A usage error: the command prints its name, this message and its usage, and exits with 2. */
    public static final class UsageException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Fills {@code command} from {@code args}. Returns the arguments picocli did not match that {@code setting}
     * accepts, in order; any other unmatched argument is a {@link UsageException}.
     */
    public static List<String> parse(Object command, String[] args, Predicate<String> setting) {
        CommandLine line = new CommandLine(command).setUnmatchedArgumentsAllowed(true)
                .setUnmatchedOptionsArePositionalParams(false).setOverwrittenOptionsAllowed(false)
                .setCaseInsensitiveEnumValuesAllowed(true);
        try {
            line.parseArgs(args);
        } catch (MissingParameterException e) {
            throw new UsageException(e.getMissing().stream().findFirst()
                    .map(spec -> spec instanceof OptionSpec option ? option.longestName() + " needs a value"
                            : "missing " + spec.paramLabel())
                    .orElse(e.getMessage()));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> settings = new ArrayList<>();
        for (String arg : line.getUnmatchedArguments()) {
            if (setting.test(arg)) {
                settings.add(arg);
            } else if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                throw new UsageException("unknown option " + (eq < 0 ? arg : arg.substring(0, eq)));
            } else {
                throw new UsageException("unexpected argument " + arg);
            }
        }
        return settings;
    }

    /** A setting of the hub's own command line: {@code --name=value}. */
    public static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.indexOf('=') > 2;
    }

    /** A Spring or hub setting ({@code --spring.…=…}, {@code --hub.…=…}), for commands that open the store. */
    public static boolean isStoreSetting(String arg) {
        return isSetting(arg) && (arg.startsWith("--spring.") || arg.startsWith("--hub."));
    }
}
