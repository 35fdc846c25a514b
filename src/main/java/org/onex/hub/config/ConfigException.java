package org.onex.hub.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A hand-edited configuration file is wrong. Carries one or more {@link Problem}s, each naming
 * the file, the line and the key, so a validator can report everything wrong with a file at
 * once. The message lists each problem on its own line as
 * {@code config/departments.yaml:12: departments[3].code: <reason>}.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong in a file.
     *
     * @param file   the file, as given (relative paths stay relative)
     * @param line   1-based line, 0 when unknown
     * @param key    readable key path such as {@code departments[3].code}; empty for the whole file
     * @param reason what is wrong, in words an IT team understands
     */
    public record Problem(Path file, int line, String key, String reason) {

        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
            key = key == null ? "" : key;
            line = Math.max(line, 0);
        }

        /** {@code file:line: key: reason}; the line and key parts are left out when unknown. */
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + reason;
        }
    }

    private final List<Problem> problems;

    public ConfigException(Path file, int line, String key, String reason) {
        this(List.of(new Problem(file, line, key, reason)), null);
    }

    public ConfigException(List<Problem> problems) {
        this(problems, null);
    }

    public ConfigException(List<Problem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** All problems, in the order found (validators sort them by line). */
    public List<Problem> problems() {
        return problems;
    }

    /** The file of the first problem. */
    public Path file() {
        return problems.get(0).file();
    }

    /** The line of the first problem, 0 when unknown. */
    public int line() {
        return problems.get(0).line();
    }

    /** The key path of the first problem, empty for the whole file. */
    public String key() {
        return problems.get(0).key();
    }

    /** The reason of the first problem. */
    public String reason() {
        return problems.get(0).reason();
    }
}
