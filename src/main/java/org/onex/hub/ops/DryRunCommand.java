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
import org.onex.hub.config.ConfigException;
import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingCompiler;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.mapping.MappingResult;
import org.onex.hub.schema.HubJson;
import org.onex.hub.schema.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;

/** {@code dry-run}: maps sample rows with one mapping file and prints each envelope or its violations (no Spring). */
public final class DryRunCommand {

    static final String USAGE = "usage: dry-run <mapping.yaml> <sample.csv|sample.json|sample.ndjson|sample.xlsx>"
            + " [--mappings-dir mappings] [--encoding UTF-8]";

    private DryRunCommand() {
    }

    /**
     * Runs {@code dry-run <mapping.yaml> <sample.csv|.json|.ndjson> [--mappings-dir mappings] [--encoding UTF-8]}.
     *
     * @return 0 when every row is valid, 1 when some would be quarantined, 2 for a usage error, a broken mapping
     *         or an unreadable sample
     */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command, writing results to {@code out} and usage and input errors to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        Path mappingsDir = Path.of("mappings");
        Charset charset = StandardCharsets.UTF_8;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                files.add(arg);
                continue;
            }
            if (!arg.equals("--mappings-dir") && !arg.equals("--encoding")) {
                return usage(err, "unknown option " + arg);
            }
            if (i + 1 >= args.length) {
                return usage(err, arg + " needs a value");
            }
            String value = args[++i];
            if (arg.equals("--mappings-dir")) {
                mappingsDir = Path.of(value);
            } else {
                try {
                    charset = Charset.forName(value);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return usage(err, "unknown encoding '" + value + "'");
                }
            }
        }
        if (files.size() != 2) {
            return usage(err, "expected a mapping file and a sample file, got " + files.size() + " file argument(s)");
        }
        return dryRun(Path.of(files.get(0)), Path.of(files.get(1)), mappingsDir, charset, out, err);
    }

    private static int dryRun(Path mappingFile, Path sample, Path mappingsDir, Charset charset, PrintStream out,
            PrintStream err) {
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
        int valid = 0;
        for (int n = 1; n <= rows.size(); n++) {
            MappingResult result = mapping.apply(rows.get(n - 1), extractedAt);
            if (print(out, n, result)) {
                valid++;
            }
        }
        int quarantined = rows.size() - valid;
        out.println(rows.size() + " rows: " + valid + " valid, " + quarantined + " quarantined");
        return quarantined == 0 ? 0 : 1;
    }

    /** Prints one row's outcome; true when the row is valid. */
    private static boolean print(PrintStream out, int n, MappingResult result) {
        String key = result.sourceKey() == null ? "(none)" : result.sourceKey();
        if (!result.valid()) {
            out.println("row " + n + " QUARANTINED key=" + key);
            result.errors().forEach(v -> out.println("  - " + describe(v)));
            return false;
        }
        out.println("row " + n + " OK " + result.record().recordType() + " key=" + key);
        result.violations().stream().filter(v -> !v.isError()).forEach(v -> out.println("  ! " + describe(v)));
        try {
            out.println(HubJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.record()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be written as JSON: " + e.getMessage(), e);
        }
        return true;
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
