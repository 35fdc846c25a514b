package org.onex.hub.ingest.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.onex.hub.ingest.SourceRow;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams a JSON array of row objects element by element, or NDJSON line by line, with Jackson's
 * streaming parser: only the current element is ever a tree. No required-column check here; a missing
 * field is a row-level problem for the mapping.
 */
final class JsonRows {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static final String TRUNCATED = "unexpected end of input (truncated upload?)";
    /** The hub's mapper with strings bounded ({@link FileLimits#MAX_JSON_STRING_CHARS}): a huge cell is rejected. */
    private static final ObjectMapper BOUNDED = bounded();

    private static ObjectMapper bounded() {
        ObjectMapper mapper = HubJson.mapper().copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(FileLimits.MAX_JSON_STRING_CHARS).build());
        return mapper;
    }

    private JsonRows() {
    }

    static long array(StrictDecoder in, String displayName, RowSink sink) throws FileRejectedException, IOException {
        try (JsonParser parser = BOUNDED.createParser(in)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw in.bytesRead() == 0
                        ? new FileRejectedException(FileReason.EMPTY_FILE, "the file is empty (0 bytes): expected a JSON array")
                        : new FileRejectedException(FileReason.NOT_JSON, "expected a JSON array of row objects, found no JSON value");
            }
            if (root != JsonToken.START_ARRAY) {
                throw new FileRejectedException(FileReason.JSON_NOT_ROWS, "expected a JSON array of row objects, found "
                        + describe(root));
            }
            long rows = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                long element = rows + 1;
                int line = parser.currentTokenLocation().getLineNr();
                if (token == null) { // Jackson reports an unclosed array itself; this is only a safety net
                    throw new FileRejectedException(FileReason.JSON_TRUNCATED, at(parser.currentLocation()) + TRUNCATED);
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new FileRejectedException(FileReason.JSON_NOT_ROWS, "element " + element + " (line " + line + ") is not an object");
                }
                JsonNode node = parser.readValueAsTree();
                sink.accept(new SourceRow(values(node), displayName + " element " + element + " (line " + line + ")"));
                rows++;
            }
            if (parser.nextToken() != null) {
                throw new FileRejectedException(FileReason.NOT_JSON, at(parser.currentTokenLocation())
                        + "unexpected content after the JSON array");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw rejected(in, e);
        } catch (IOException e) {
            if (in.rejection() != null) {
                throw in.rejection();
            }
            throw e;
        }
    }

    static long lines(StrictDecoder in, String displayName, RowSink sink) throws FileRejectedException, IOException {
        try (BufferedReader reader = new BufferedReader(in)) {
            long rows = 0;
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(new SourceRow(values(object(line, lineNo)), displayName + " line " + lineNo));
                rows++;
            }
            if (in.bytesRead() == 0) {
                throw new FileRejectedException(FileReason.EMPTY_FILE, "the file is empty (0 bytes)");
            }
            return rows;
        } catch (IOException e) {
            if (in.rejection() != null) {
                throw in.rejection();
            }
            throw e;
        }
    }

    private static JsonNode object(String line, int lineNo) throws FileRejectedException, IOException {
        try (JsonParser parser = BOUNDED.createParser(line)) {
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject() || parser.nextToken() != null) {
                throw new FileRejectedException(FileReason.JSON_NOT_ROWS, "line " + lineNo
                        + ": expected one JSON object per line");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new FileRejectedException(FileReason.NOT_JSON, "line " + lineNo + (where == null ? "" : ", column " + where.getColumnNr())
                    + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(HubJson.mapper().convertValue(node, OBJECT));
        return row;
    }

    private static FileRejectedException rejected(StrictDecoder in, JsonProcessingException e) {
        if (in.rejection() != null) {
            return in.rejection();
        }
        // Jackson reports some ends of input (e.g. right after a comma) as a plain parse error
        boolean truncated = e instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        if (e instanceof StreamConstraintsException) {
            return new FileRejectedException(FileReason.CELL_TOO_LONG, at(e.getLocation()) + "a string value longer than "
                    + FileLimits.MAX_JSON_STRING_CHARS + " characters (a huge cell); nothing was read beyond it", e);
        }
        String problem = truncated ? TRUNCATED : e.getOriginalMessage();
        return new FileRejectedException(truncated ? FileReason.JSON_TRUNCATED : FileReason.NOT_JSON,
                at(e.getLocation()) + problem, e);
    }

    private static String at(JsonLocation where) {
        return where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return "null";
        }
    }
}
