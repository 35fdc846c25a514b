package org.onex.hub.ops;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.onex.hub.mapping.MappingResult;
import org.onex.hub.schema.Violation;

/**
 * What a dry run of many rows comes to, printed before the rows: how many rows, how many valid and quarantined, and
 * how many rows each rule (on each field) quarantined or warned about, most frequent first, so that an IT team
 * trying a department's export of a few thousand rows sees at once which column to look at.
 */
final class DryRunSummary {

    private int rows;
    private int valid;
    /** rows per "RULE field", for errors and for warnings */
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Map<String, Integer> warnings = new TreeMap<>();

    void add(MappingResult result) {
        rows++;
        if (result.valid()) {
            valid++;
        }
        count(result.valid() ? Set.of() : result.errors().stream().map(DryRunSummary::rule).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)), errors);
        count(result.violations().stream().filter(v -> !v.isError()).map(DryRunSummary::rule).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)), warnings);
    }

    int rows() {
        return rows;
    }

    int quarantined() {
        return rows - valid;
    }

    /** {@code 300 rows: 287 valid, 13 quarantined}. */
    String line() {
        return rows + " rows: " + valid + " valid, " + quarantined() + " quarantined";
    }

    void print(PrintStream out) {
        out.println(line());
        table(out, "quarantined rows by rule:", errors);
        table(out, "rows with warnings by rule:", warnings);
    }

    private static void table(PrintStream out, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.println("  " + e.getKey() + ": "
                        + e.getValue() + (e.getValue() == 1 ? " row" : " rows")));
    }

    private static void count(Set<String> rules, Map<String, Integer> counts) {
        rules.forEach(r -> counts.merge(r, 1, Integer::sum));
    }

    private static String rule(Violation v) {
        return v.rule() + " " + v.field();
    }
}
