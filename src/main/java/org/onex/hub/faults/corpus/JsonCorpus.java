package org.onex.hub.faults.corpus;

import static org.onex.hub.faults.corpus.CorpusDrop.JSON;
import static org.onex.hub.faults.corpus.CorpusDrop.NDJSON;
import static org.onex.hub.faults.corpus.CsvCorpus.name;
import static org.onex.hub.faults.corpus.CsvCorpus.write;
import static org.onex.hub.faults.corpus.Expected.accepted;
import static org.onex.hub.faults.corpus.Expected.rejected;
import static org.onex.hub.faults.corpus.Expected.row;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onex.hub.faults.corpus.MalformedCorpus.Entry;
import org.onex.hub.ingest.file.FileLimits;
import org.onex.hub.ingest.file.FileReason;
import org.onex.hub.mapping.Rules;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The JSON and NDJSON files of the corpus, as a licensing system's REST export job writes them to disk. */
final class JsonCorpus {

    private JsonCorpus() {
    }

    static List<Entry> entries(CorpusRows rows) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("empty.json", JSON, "0 bytes", f -> write(f, new byte[0],
                rejected(FileReason.EMPTY_FILE, "the file is empty (0 bytes): expected a JSON array"))));
        e.add(new Entry("truncated.json", JSON, "array cut off after a comma (upload interrupted)", f -> {
            String text = json(rows.rows(name(f), 3));
            return write(f, text.substring(0, text.lastIndexOf("},{") + 2).getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.JSON_TRUNCATED, "unexpected end of input (truncated upload?)"));
        }));
        e.add(new Entry("object-not-array.json", JSON, "{\"data\":[…]} wrapper instead of a bare array",
                f -> write(f, ("{\"data\":" + json(rows.rows(name(f), 2)) + "}").getBytes(StandardCharsets.UTF_8),
                        rejected(FileReason.JSON_NOT_ROWS, "expected a JSON array of row objects, found an object"))));
        e.add(new Entry("huge-string.json", JSON, "a 2 MB string value (an attachment inlined as base64)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            r.get(1).put("XK_NR", "JVBERi0xLjQK".repeat(2 * 1024 * 1024 / 12));
            return write(f, json(r).getBytes(StandardCharsets.UTF_8), rejected(FileReason.CELL_TOO_LONG,
                    "a string value longer than " + FileLimits.MAX_JSON_STRING_CHARS + " characters"));
        }));
        e.add(new Entry("formula.json", JSON, "@SUM(1+1)*cmd|' /C calc'!A0 as a legal representative", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            r.get(1).put("XK_FRDB", "@SUM(1+1)*cmd|' /C calc'!A0");
            return write(f, json(r).getBytes(StandardCharsets.UTF_8), accepted(1, "formulas are refused on every"
                    + " channel", row("element 2 (line 1)", Rules.FORMULA_CELL)));
        }));
        e.add(new Entry("broken-line.ndjson", NDJSON, "third line lost its closing brace", f -> {
            List<String> lines = lines(rows.rows(name(f), 3));
            lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 1));
            return write(f, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.NOT_JSON, "line 3, column"));
        }));
        e.add(new Entry("array-line.ndjson", NDJSON, "a JSON array written as the second line of NDJSON", f -> {
            List<String> lines = lines(rows.rows(name(f), 3));
            lines.set(1, "[" + lines.get(1) + "]");
            return write(f, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.JSON_NOT_ROWS, "line 2: expected one JSON object per line"));
        }));
        e.add(new Entry("huge-line.ndjson", NDJSON, "a 2 MB line (an attachment inlined)", f -> {
            List<Map<String, String>> r = rows.rows(name(f), 2);
            r.get(1).put("XK_NR", "JVBERi0xLjQK".repeat(2 * 1024 * 1024 / 12));
            return write(f, (String.join("\n", lines(r)) + "\n").getBytes(StandardCharsets.UTF_8),
                    rejected(FileReason.RECORD_TOO_LONG, "line 2: a record longer than"));
        }));
        return e;
    }

    private static String json(Object value) throws JsonProcessingException {
        return HubJson.mapper().writeValueAsString(value);
    }

    private static List<String> lines(List<Map<String, String>> rows) throws JsonProcessingException {
        List<String> lines = new ArrayList<>();
        for (Map<String, String> r : rows) {
            lines.add(json(r));
        }
        return lines;
    }
}
