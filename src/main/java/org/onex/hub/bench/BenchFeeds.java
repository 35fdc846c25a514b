package org.onex.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.onex.hub.schema.RecordType;

/**
 * The department feeds of the departments and readers scenarios: one per unit of {@code config/departments.yaml}
 * that provides data, each read by its own {@code jdbc-source} route from its own table in the layout of
 * {@link LicenceRows}, so every department's rows cost the hub the same. The mapping of each is written for the run
 * from {@code mappings/scjgj/licences.yaml}, with only its department, feed, category and the issuing authority's
 * name changed: the hub refuses a mapping of a category the unit may not provide (R-CATEGORIES; MappingRegistry and
 * ProviderEntitlement), so a department that provides C2 gets C2 licences and the bureau, which provides no C2, gets
 * the same rows as C5 inspection records.
 */
final class BenchFeeds {

    /** The mapping every feed is written from. */
    static final Path TEMPLATE = Path.of("scjgj", "licences.yaml");

    /** One department's feed: its route {@link #routeId} reads {@link #table} through {@link #dataSource}. */
    record Feed(String department, String nameZh, String feed, Category category, RecordType recordType) {

        String routeId() {
            return department + "-bench-" + feed;
        }

        String table() {
            return "xk_licence_" + department;
        }

        String dataSource() {
            return "bench-" + department;
        }

        String routeFileEntry(int batchSize) {
            return BenchRoutes.jdbcRoute(routeId(), department, feed, dataSource(), table(), batchSize);
        }
    }

    private BenchFeeds() {
    }

    /** A feed of every unit that provides data, in registry order: C2 licences, or C5 where it may not provide C2. */
    static List<Feed> of(DepartmentRegistry registry) {
        List<Feed> feeds = new ArrayList<>();
        for (Department d : registry.all()) {
            if (d.mayProvide(Category.C2)) {
                feeds.add(new Feed(d.code(), d.nameZh(), "licences", Category.C2, RecordType.LICENCE));
            } else if (d.mayProvide(Category.C5)) {
                feeds.add(new Feed(d.code(), d.nameZh(), "inspections", Category.C5, RecordType.INSPECTION_RECORD));
            }
        }
        return feeds;
    }

    /**
     * Writes a mappings folder for {@code feeds} under {@code target}: the code lists of {@code source} and one
     * mapping per feed made from {@link #TEMPLATE}. Returns {@code target}.
     */
    static Path writeMappings(Path source, Path target, List<Feed> feeds) throws IOException {
        Files.createDirectories(target);
        Files.copy(source.resolve(MappingRegistry.CODE_LISTS_FILE), target.resolve(MappingRegistry.CODE_LISTS_FILE));
        String template = Files.readString(source.resolve(TEMPLATE), StandardCharsets.UTF_8);
        for (Feed f : feeds) {
            Path dir = Files.createDirectories(target.resolve(f.department()));
            Files.writeString(dir.resolve(f.feed() + ".yaml"), mapping(template, f), StandardCharsets.UTF_8);
        }
        return target;
    }

    /** {@code rows} split over {@code parts} as evenly as whole rows allow, the first ones taking the remainder. */
    static int[] split(int rows, int parts) {
        if (parts < 1 || rows < parts) {
            throw new IllegalArgumentException("cannot split " + rows + " rows over " + parts + " tables");
        }
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) {
            sizes[i] = rows / parts + (i < rows % parts ? 1 : 0);
        }
        return sizes;
    }

    /** The template with the feed's department, feed, category, record type and authority name. */
    static String mapping(String template, Feed f) {
        String out = "# Written by the benchmark command for one run, from mappings/scjgj/licences.yaml.\n" + template;
        out = replaceOnce(out, "(?m)^department: .*$", m -> "department: " + f.department());
        out = replaceOnce(out, "(?m)^feed: .*$", m -> "feed: " + f.feed());
        out = replaceOnce(out, "(?m)^category: .*$", m -> "category: " + f.category());
        out = replaceOnce(out, "(?m)^recordType: .*$", m -> "recordType: " + f.recordType());
        return replaceOnce(out, "(?m)^(\\s*body\\.XK_LYDW:\\s*)\\{ constant: [^}]*}$",
                m -> m.group(1) + "{ constant: " + f.nameZh() + " }");
    }

    /** {@code text} with the one match of {@code regex} replaced; fails unless there is exactly one. */
    private static String replaceOnce(String text, String regex, Function<MatchResult, String> replacement) {
        List<MatchResult> found = Pattern.compile(regex).matcher(text).results().toList();
        if (found.size() != 1) {
            throw new IllegalStateException("mappings/scjgj/licences.yaml has " + found.size() + " lines matching "
                    + regex + ", the benchmark writes its feeds' mappings from it expecting one");
        }
        MatchResult m = found.get(0);
        return text.substring(0, m.start()) + replacement.apply(m) + text.substring(m.end());
    }
}
