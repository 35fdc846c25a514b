package org.onex.hub.ingest.file;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The immutable settings of one file feed, checked when its route is created. */
public record FileFeedSpec(String department, String feed, FileFormat format, Charset charset, String sheet,
        int batchSize) {

    public FileFeedSpec {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException(department + "/" + feed + ": batchSize " + batchSize
                    + " is outside 1..10000");
        }
        if (sheet != null && format != FileFormat.XLSX) {
            throw new IllegalArgumentException(department + "/" + feed + ": sheet is only for format xlsx");
        }
    }

    public static FileFeedSpec of(String department, String feed, String format, String encoding, String sheet,
            Integer batchSize) {
        return new FileFeedSpec(department, feed, FileFormat.of(format), charset(department, feed, encoding),
                sheet == null || sheet.isBlank() ? null : sheet, batchSize == null ? 500 : batchSize);
    }

    private static Charset charset(String department, String feed, String encoding) {
        try {
            return Charset.forName(encoding == null || encoding.isBlank() ? "UTF-8" : encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(department + "/" + feed + ": encoding '" + encoding
                    + "' is not known (use UTF-8, GBK or GB18030)");
        }
    }
}
