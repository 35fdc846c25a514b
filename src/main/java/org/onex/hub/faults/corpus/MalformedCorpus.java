package org.onex.hub.faults.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The malformed-file corpus: more than 40 department files in the shapes county
 * systems produce when something goes wrong, each with the specific outcome the hub must give it
 * ({@link Expected}). Usage:
 *
 * <pre>
 * List&lt;CorpusFile&gt; files = MalformedCorpus.write(dir);            // dir/&lt;drop folder&gt;/&lt;name&gt;
 * for (CorpusFile f : files) { ... f.path(dir), f.drop(), f.expected() ... }
 * </pre>
 *
 * <p>All files feed {@link #DEPARTMENT}/{@link #FEED} (the shipped mappings/sthjj/licences.yaml); put each
 * drop folder ({@link CorpusDrop}) behind its own sftp-source route, or give each file to a
 * {@code FileIngestor} of that drop's format and encoding. The document numbers (keys) carry the run's
 * {@code tag}, so a second run against the same store ingests rather than reports duplicates. Writing
 * takes a few seconds (the largest files are a 10 MB CSV and a ~8 MB workbook); docs/file-reasons.md
 * lists every file.
 */
public final class MalformedCorpus {

    public static final String DEPARTMENT = "sthjj";
    public static final String FEED = "licences";

    private MalformedCorpus() {
    }

    /** One corpus file before it is written: {@code make} writes it and returns what the hub must do with it. */
    record Entry(String name, CorpusDrop drop, String shape, Maker make) {
    }

    @FunctionalInterface
    interface Maker {
        Expected write(Path file) throws IOException;
    }

    /** Writes the corpus under {@code dir} with a tag taken from the clock (unique per run). */
    public static List<CorpusFile> write(Path dir) throws IOException {
        return write(dir, Long.toString(System.currentTimeMillis() % 100_000_000L, 36));
    }

    /** Writes the corpus under {@code dir}; {@code tag} (letters and digits) goes into every row key. */
    public static List<CorpusFile> write(Path dir, String tag) throws IOException {
        if (!tag.matches("[A-Za-z0-9]{1,12}")) {
            throw new IllegalArgumentException("tag '" + tag + "': 1 to 12 letters and digits");
        }
        CorpusRows rows = new CorpusRows(tag);
        List<Entry> entries = new ArrayList<>();
        entries.addAll(CsvCorpus.entries(rows));
        entries.addAll(JsonCorpus.entries(rows));
        entries.addAll(WorkbookCorpus.entries(rows));
        List<CorpusFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            if (!names.add(e.name())) {
                throw new IllegalStateException("corpus file name used twice: " + e.name());
            }
            Path file = Files.createDirectories(dir.resolve(e.drop().folder())).resolve(e.name());
            files.add(new CorpusFile(e.name(), e.drop(), e.shape(), e.make().write(file)));
        }
        return List.copyOf(files);
    }

    /** The table "file → outcome → reason" (one line per file), as the fault suite and the IT print it. */
    public static String table(List<CorpusFile> files) {
        StringBuilder t = new StringBuilder(String.format("%-44s %-12s %-30s %s%n", "file", "drop", "outcome",
                "reason"));
        for (CorpusFile f : files) {
            Expected x = f.expected();
            t.append(String.format("%-44s %-12s %-30s %s%n", f.name(), f.drop().folder(),
                    x.outcome() == Expected.Outcome.REJECTED ? "REJECTED " + x.code() : "ACCEPTED " + x.stored()
                            + " stored", x.outcome() == Expected.Outcome.REJECTED ? x.fragment()
                                    : x.summary().substring(9) + " (" + x.fragment() + ")"));
        }
        return t.toString();
    }
}
