package org.onex.hub.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads a dry run's sample rows as column/value maps: CSV with a header (BOM skipped), a JSON array, or NDJSON. */
final class SampleReader {

    /** The sample cannot be read; the message names the file and, where known, the line or element. */
    static final class SampleException extends Exception {
        private static final long serialVersionUID = 1L;

        SampleException(String message) {
            super(message);
        }
    }

    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private SampleReader() {
    }

    static List<Map<String, Object>> read(Path file, Charset charset) throws SampleException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            skipBom(in);
            if (name.endsWith(".csv")) {
                return csv(file, in);
            } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                return ndjson(file, in);
            } else if (name.endsWith(".json")) {
                return json(file, in);
            }
            throw new SampleException(file + ": unknown sample format (use .csv, .json or .ndjson)");
        } catch (NoSuchFileException e) {
            throw new SampleException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new SampleException(file + ": not valid " + charset
                    + " text (give the file's encoding with --encoding)");
        } catch (JsonProcessingException e) {
            throw new SampleException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw new SampleException(file + ": cannot read the file as " + charset + ": " + e.getMessage());
        }
    }

    /** Excel and Notepad write a BOM before UTF-8 CSV; it would otherwise become part of the first column name. */
    private static void skipBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    private static List<Map<String, Object>> csv(Path file, Reader in) throws IOException, SampleException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                if (record.size() != columns) {
                    throw new SampleException(file + ":" + parser.getCurrentLineNumber() + ": the row has "
                            + record.size() + " value(s) but the header names " + columns + " columns");
                }
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> json(Path file, Reader in) throws IOException, SampleException {
        JsonNode root = HubJson.mapper().readTree(in);
        if (root == null || !root.isArray()) {
            throw new SampleException(file + ": expected a JSON array of objects");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            if (!root.get(i).isObject()) {
                throw new SampleException(file + ": element " + (i + 1) + " of the array is not an object");
            }
            rows.add(HubJson.mapper().convertValue(root.get(i), ROW));
        }
        return rows;
    }

    private static List<Map<String, Object>> ndjson(Path file, BufferedReader in) throws IOException, SampleException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = HubJson.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                throw new SampleException(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new SampleException(file + ":" + lineNo + ": expected one JSON object per line");
            }
            rows.add(HubJson.mapper().convertValue(node, ROW));
        }
        return rows;
    }
}
