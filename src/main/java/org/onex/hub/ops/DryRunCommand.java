package org.onex.hub.ops;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.onex.hub.cli.CommandLines;
import org.onex.hub.cli.HubCommand;
import org.onex.hub.config.ConfigException;
import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingCompiler;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.mapping.MappingResult;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dry-run}: maps sample rows with one mapping file and prints a summary (rows, valid, quarantined per rule),
 * then each envelope or its violations (no Spring). For a large sample, {@code --failures-only} prints only the
 * quarantined rows and {@code --limit N} at most N rows; the summary always counts every row.
 */
public final class DryRunCommand implements HubCommand {

    static final String USAGE = "usage: dry-run <mapping.yaml> <sample.csv|sample.json|sample.ndjson|sample.xlsx>"
            + " [--mappings-dir mappings] [--encoding UTF-8] [--failures-only] [--limit N]";

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public DryRunCommand() {
    }

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public String summary() {
        return "map sample rows or a file with a mapping and print the records, without a hub";
    }

    @Override
    public int execute(String[] args) {
        return run(args);
    }

    /**
     * Runs {@code dry-run <mapping.yaml> <sample.csv|.json|.ndjson> [--mappings-dir mappings] [--encoding UTF-8]
     * [--failures-only] [--limit N]}.
     *
     * @return 0 when every row is valid, 1 when some would be quarantined, 2 for a usage error, a broken mapping
     *         or an unreadable sample
     */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command, writing results to {@code out} and usage and input errors to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments();
        try {
            CommandLines.parse(a, args, arg -> false);
        } catch (CommandLines.UsageException e) {
            return usage(err, e.getMessage());
        }
        if (a.limit != null && !a.limit.matches("\\d{1,9}")) {
            return usage(err, "--limit needs a number of rows (0 for the summary only)");
        }
        Charset charset;
        try {
            charset = Charset.forName(a.encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return usage(err, "unknown encoding '" + a.encoding + "'");
        }
        if (a.files.size() != 2) {
            return usage(err, "expected a mapping file and a sample file, got " + a.files.size() + " file argument(s)");
        }
        return dryRun(Path.of(a.files.get(0)), Path.of(a.files.get(1)), Path.of(a.mappingsDir), charset,
                new Shown(a.failuresOnly, a.limit == null ? Integer.MAX_VALUE : Integer.parseInt(a.limit)), out, err);
    }

    /** The command line of {@code dry-run}. */
    @Command(name = "dry-run")
    static final class Arguments {

        @Parameters(paramLabel = "FILE", description = "the mapping file, then the sample file")
        List<String> files = new ArrayList<>();

        @Option(names = "--mappings-dir", paramLabel = "DIR", defaultValue = "mappings")
        String mappingsDir;

        @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8")
        String encoding;

        @Option(names = "--failures-only", description = "print only the rows that would be quarantined")
        boolean failuresOnly;

        @Option(names = "--limit", paramLabel = "N", description = "print at most N rows (0: the summary only)")
        String limit;
    }

    /** Which rows' details are printed. */
    private record Shown(boolean failuresOnly, int limit) {
    }

    private static int dryRun(Path mappingFile, Path sample, Path mappingsDir, Charset charset, Shown shown,
            PrintStream out, PrintStream err) {
        // Simple expressions parse and evaluate on a context that is created but never started, so there is
        // nothing to stop (stopping it would only log Camel's shutdown lines into the output).
        DefaultCamelContext camel = new DefaultCamelContext();
        CompiledMapping mapping;
        try {
            var codeLists = MappingCompiler.loadCodeLists(mappingsDir.resolve(MappingRegistry.CODE_LISTS_FILE));
            mapping = new MappingCompiler(camel, codeLists).compile(mappingFile);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<Map<String, Object>> rows;
        try {
            rows = SampleReader.read(sample, charset);
        } catch (SampleReader.SampleException e) {
            err.println(e.getMessage());
            return 2;
        }
        Instant extractedAt = Instant.now();
        List<MappingResult> results = new ArrayList<>(rows.size());
        DryRunSummary summary = new DryRunSummary();
        for (Map<String, Object> row : rows) {
            MappingResult result = mapping.apply(row, extractedAt);
            results.add(result);
            summary.add(result);
        }
        summary.print(out);
        int candidates = shown.failuresOnly() ? summary.quarantined() : summary.rows();
        int printed = 0;
        for (int n = 1; n <= results.size() && printed < shown.limit(); n++) {
            MappingResult result = results.get(n - 1);
            if (!shown.failuresOnly() || !result.valid()) {
                print(out, n, result);
                printed++;
            }
        }
        if (printed < candidates) {
            out.println("(" + (candidates - printed) + " more " + (shown.failuresOnly() ? "quarantined " : "")
                    + "rows not shown: --limit " + shown.limit() + ")");
        }
        out.println(summary.line());
        return summary.quarantined() == 0 ? 0 : 1;
    }

    /** Prints one row's outcome. */
    private static void print(PrintStream out, int n, MappingResult result) {
        String key = result.sourceKey() == null ? "(none)" : result.sourceKey();
        if (!result.valid()) {
            out.println("row " + n + " QUARANTINED key=" + key);
            result.errors().forEach(v -> out.println("  - " + describe(v)));
            return;
        }
        out.println("row " + n + " OK " + result.record().recordType() + " key=" + key);
        result.violations().stream().filter(v -> !v.isError()).forEach(v -> out.println("  ! " + describe(v)));
        try {
            out.println(HubJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.record()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(Violation v) {
        return v.field() + " " + v.rule() + ": " + v.message();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("dry-run: " + problem);
        err.println(USAGE);
        return 2;
    }
}
