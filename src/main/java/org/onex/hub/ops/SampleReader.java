package org.onex.hub.ops;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onex.hub.ingest.file.FileFormat;
import org.onex.hub.ingest.file.FileLayout;
import org.onex.hub.ingest.file.FileRejectedException;
import org.onex.hub.ingest.file.RowFileReader;

/**
 * Reads a dry run's sample rows as column/value maps with the same reader the hub ingests department
 * files with ({@link RowFileReader}), so a sample that passes here reads the same in production. The
 * format comes from the extension: .csv, .json, .ndjson or .jsonl, .xlsx (first sheet).
 */
final class SampleReader {

    /** The sample cannot be read; the message names the file and, where known, the line or element. */
    static final class SampleException extends Exception {
        private static final long serialVersionUID = 1L;

        SampleException(String message) {
            super(message);
        }
    }

    private SampleReader() {
    }

    /** The sample's rows; a sample is small, so they are collected (the hub itself streams them). */
    static List<Map<String, Object>> read(Path file, Charset charset) throws SampleException {
        FileFormat format = format(file);
        if (format == null) {
            throw new SampleException(file + ": unknown sample format (use .csv, .json, .ndjson or .xlsx)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            RowFileReader.read(file, file.toString(), new FileLayout(format, charset, null, List.of()),
                    row -> rows.add(row.values()));
        } catch (NoSuchFileException e) {
            throw new SampleException(file + ": file not found");
        } catch (FileRejectedException e) {
            boolean undecodable = e.getCause() instanceof CharacterCodingException;
            throw new SampleException(file + ": " + e.reason()
                    + (undecodable ? " (give the file's encoding with --encoding)" : ""));
        } catch (IOException e) {
            throw new SampleException(file + ": cannot read the file: " + e.getMessage());
        }
        return rows;
    }

    private static FileFormat format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return FileFormat.CSV;
        } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return FileFormat.NDJSON;
        } else if (name.endsWith(".json")) {
            return FileFormat.JSON;
        } else if (name.endsWith(".xlsx")) {
            return FileFormat.XLSX;
        }
        return null;
    }
}
