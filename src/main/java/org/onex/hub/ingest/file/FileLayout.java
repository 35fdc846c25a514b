package org.onex.hub.ingest.file;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What a feed declares about its files: the format, the text encoding (CSV, JSON, NDJSON; XLSX
 * carries its own), the sheet of a workbook (null = first sheet) and the columns the feed's mapping
 * reads, which every file's header must name.
 */
public record FileLayout(FileFormat format, Charset charset, String sheet, List<String> requiredColumns) {
}
