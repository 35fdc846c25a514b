package org.onex.hub.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.onex.hub.calendar.CalendarFile.YearFile;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the {@link WorkingCalendar} from the year files: the built-in ones ({@value #BUILT_IN},
 * one per State Council notice, shipped with the hub) and then the operator folder
 * ({@code hub.calendar.dir}, default {@code ${hub.config-dir}/calendar}), where an operator adds
 * next year's {@code <year>.yaml} or corrects a year without a new build. The folder may not exist.
 *
 * <p>Files are merged date by date (see {@link CalendarMerge}): built-in files by year, then the
 * operator's by year, so the operator's entry for a date wins over a built-in one, and a year's
 * file may list days of the previous December. A partial operator file is safe: dates it does not
 * list keep their built-in entry.
 *
 * <p>Every file is checked; all problems of all files are reported at once, each as
 * {@code file:line: key: reason}. Warnings are logged.
 */
public final class CalendarLoader {

    /** The built-in year files. */
    public static final String BUILT_IN = "classpath:calendar/*.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(CalendarLoader.class);

    private CalendarLoader() {
    }

    /**
     * The built-in calendar merged with the operator folder's files.
     *
     * @param operatorDir the operator folder; null or missing means built-in data only
     * @throws ConfigException naming the file, line and key of every problem in any file
     */
    public static WorkingCalendar load(Path operatorDir) {
        return load(builtIn(), operator(operatorDir));
    }

    /**
     * Reads and merges year files, the built-in ones first. Each supplier parses one file and may
     * throw {@link ConfigException}; the problems of all files are collected and thrown together.
     */
    static WorkingCalendar load(List<Supplier<YamlDocument>> builtIn, List<Supplier<YamlDocument>> operator) {
        List<YearFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (List<Supplier<YamlDocument>> group : List.of(builtIn, operator)) {
            List<YearFile> read = new ArrayList<>();
            for (Supplier<YamlDocument> file : group) {
                try {
                    read.add(CalendarFile.read(file.get()));
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                }
            }
            read.sort(Comparator.comparingInt(YearFile::year));
            files.addAll(read);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        CalendarMerge.Result merged = CalendarMerge.merge(files);
        merged.warnings().forEach(w -> LOG.warn("calendar: {}", w));
        LOG.info("working-day calendar: years {} from {} file(s)", merged.calendar().coveredYears(), files.size());
        return merged.calendar();
    }

    /** The built-in files, named {@code calendar/<year>.yaml} in messages. */
    static List<Supplier<YamlDocument>> builtIn() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(CalendarLoader.class.getClassLoader())
                    .getResources(BUILT_IN);
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(r -> (Supplier<YamlDocument>) () -> parse(Path.of("calendar", r.getFilename()), r))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built-in calendar " + BUILT_IN, e);
        }
    }

    /** The operator's {@code *.yaml} and {@code *.yml} files; none if the folder does not exist. */
    static List<Supplier<YamlDocument>> operator(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            LOG.info("no operator calendar folder at {}: built-in calendar only", dir);
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted()
                    .map(f -> (Supplier<YamlDocument>) () -> YamlDocument.load(f))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the operator calendar folder " + dir, e);
        }
    }

    private static YamlDocument parse(Path name, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return YamlDocument.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read the file: " + e);
        }
    }
}
