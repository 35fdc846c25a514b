package org.onex.hub.faults.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.onex.hub.store.QuarantineEntry;
import org.onex.hub.store.QuarantineFilter;
import org.onex.hub.store.QuarantineStore;

/**
 * What the hub did with each corpus file against what it must do ({@link Expected}), the one comparison of the
 * fault suite ({@code faults}) and MalformedFileCorpusIT. A REJECTED file must be REJECTED in the file ledger
 * with a reason containing its fragment, have {@code <name>.reason.txt} beside it in {@code .error/} naming its
 * code and the ledger's reason, and an open FILE_REJECTED alert naming the code; an ACCEPTED file must be
 * INGESTED with exactly its rows stored and exactly its rows quarantined, each under its rule. The inputs are the
 * store's own views (the ledger of {@link MalformedCorpus#DEPARTMENT}/{@link MalformedCorpus#FEED}, its open
 * quarantine, its open FILE_REJECTED alerts), however the caller read them.
 */
public final class CorpusCheck {

    /** One file's outcome: {@code actual} and {@code words} as printed in the table; empty {@code problems} = right. */
    public record Result(CorpusFile file, String actual, String words, List<String> problems) {

        public boolean right() {
            return problems.isEmpty();
        }
    }

    private CorpusCheck() {
    }

    /** Reads the three views from the store ({@code limit} 1000 each) and compares every file. */
    public static List<Result> check(List<CorpusFile> files, FileLedger ledger, QuarantineStore quarantine,
            AlertStore alerts, Function<CorpusFile, String> reasonNote) {
        String d = MalformedCorpus.DEPARTMENT;
        String feed = MalformedCorpus.FEED;
        return check(files, latest(ledger.list(d, feed, null, null, 1000)), quarantine.list(new QuarantineFilter(d,
                feed, null, QuarantineEntry.OPEN), null, 1000), alerts.list(Alert.OPEN, d, "FILE_REJECTED", null, 1000),
                reasonNote);
    }

    /**
     * Compares every file. {@code ledger}: finished ledger entries by file name ({@link #latest});
     * {@code reasonNote}: the text of a rejected file's {@code .error/<name>.reason.txt}, null when there is none.
     */
    public static List<Result> check(List<CorpusFile> files, Map<String, FileEntry> ledger,
            List<QuarantineEntry> quarantine, List<Alert> alerts, Function<CorpusFile, String> reasonNote) {
        List<Result> results = new ArrayList<>();
        for (CorpusFile f : files) {
            FileEntry e = ledger.get(f.name());
            if (e == null) {
                results.add(new Result(f, "MISSING", "not in the file ledger (never picked up or never finished)",
                        List.of("not in the file ledger")));
            } else if (f.expected().outcome() == Expected.Outcome.REJECTED) {
                results.add(rejected(f, e, alerts, reasonNote.apply(f)));
            } else {
                results.add(accepted(f, e, quarantine));
            }
        }
        return results;
    }

    private static Result rejected(CorpusFile f, FileEntry e, List<Alert> alerts, String note) {
        Expected x = f.expected();
        List<String> wrong = new ArrayList<>();
        String code = note == null ? "?" : note.lines().filter(l -> l.startsWith("Code:")).findFirst()
                .orElse("Code: ?").replaceAll("Code:\\s+(\\S+).*", "$1");
        check(wrong, FileEntry.REJECTED.equals(e.status()), "status " + e.status() + " (" + e.reason() + ")");
        check(wrong, e.reason() != null && e.reason().contains(x.fragment()), "reason '" + e.reason() + "' lacks '"
                + x.fragment() + "'");
        check(wrong, note != null, "no .error/" + f.name() + ".reason.txt");
        check(wrong, note == null || code.equals(String.valueOf(x.code())), "note says code " + code + ", expected "
                + x.code());
        check(wrong, note == null || note.contains(e.reason() == null ? "?" : e.reason()), "note lacks the reason");
        check(wrong, alerts.stream().anyMatch(a -> f.name().equals(a.subject()) && a.message() != null
                && a.message().contains("[" + x.code() + "]")), "no FILE_REJECTED alert with its code");
        return new Result(f, "REJECTED".equals(e.status()) ? "REJECTED " + code : e.status(), e.reason(),
                List.copyOf(wrong));
    }

    private static Result accepted(CorpusFile f, FileEntry e, List<QuarantineEntry> quarantine) {
        Expected x = f.expected();
        List<String> wrong = new ArrayList<>();
        check(wrong, FileEntry.INGESTED.equals(e.status()), "status " + e.status() + " (" + e.reason() + ")");
        check(wrong, e.stored() == x.stored(), "stored " + e.stored() + ", expected " + x.stored());
        check(wrong, e.quarantined() == x.quarantined().size(), "quarantined " + e.quarantined() + ", expected "
                + x.quarantined().size());
        List<String> found = new ArrayList<>();
        for (Expected.QuarantinedRow q : x.quarantined()) {
            Optional<QuarantineEntry> entry = quarantine.stream()
                    .filter(qe -> (f.name() + " " + q.where()).equals(qe.sourceRef())).findFirst();
            check(wrong, entry.isPresent() && entry.get().failures().stream().anyMatch(v -> v.rule().equals(q.rule())),
                    q.where() + " not quarantined under " + q.rule()
                            + entry.map(qe -> " (found " + qe.failures() + ")").orElse(""));
            entry.ifPresent(qe -> found.add(q.where() + " " + qe.failures().stream().map(v -> v.rule()).distinct()
                    .collect(Collectors.joining("+"))));
        }
        return new Result(f, e.status() + " " + e.stored() + " stored, " + e.quarantined() + " quarantined",
                String.join("; ", found), List.copyOf(wrong));
    }

    private static void check(List<String> wrong, boolean ok, String problem) {
        if (!ok) {
            wrong.add(problem);
        }
    }

    /** The finished entries of a ledger listing (newest first, as the ledger lists), the newest per file name. */
    public static Map<String, FileEntry> latest(List<FileEntry> newestFirst) {
        Map<String, FileEntry> out = new LinkedHashMap<>();
        newestFirst.stream().filter(e -> e.finishedAt() != null).forEach(e -> out.putIfAbsent(e.fileName(), e));
        return out;
    }

    /** "file: problem" for every file whose outcome is not the expected one. */
    public static List<String> wrong(List<Result> results) {
        return results.stream().flatMap(r -> r.problems().stream().map(p -> r.file().name() + ": " + p)).toList();
    }

    /** The table "file → outcome → reason" of what the hub did (a wrong file is marked {@code WRONG}). */
    public static String table(List<Result> results) {
        String format = "%-36s %-11s %-39s %s%n";
        StringBuilder t = new StringBuilder(String.format(format, "file", "drop", "outcome", "reason / quarantined"));
        for (Result r : results) {
            t.append(String.format(format, r.file().name(), r.file().drop().folder(),
                    (r.right() ? "" : "WRONG ") + r.actual(), r.words() == null ? "" : r.words()));
        }
        return t.toString();
    }
}
