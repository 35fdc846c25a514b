package org.onex.hub.ingest.file;

/**
 * Why a department file was rejected as a whole: a stable code for operators, the fault suite and the
 * department's reason note ({@code <name>.reason.txt}); the exception's message says what and where.
 * docs/file-reasons.md lists every code with an example file. Never rename a code; add new ones.
 */
public enum FileReason {
    /** 0 bytes. */
    EMPTY_FILE,
    /** Only blank lines (no header). */
    BLANK_FILE,
    /** UTF-8 bytes (with or without BOM) in a feed declared GBK/GB18030: would be read as mojibake. */
    UTF8_IN_GB_FEED,
    /** A UTF-16 file (byte-order mark, or NUL bytes between ASCII letters) in a UTF-8/GB feed. */
    UTF16_FILE,
    /** A byte sequence that is not valid in the declared encoding. */
    INVALID_BYTES,
    /** The file ends inside a multi-byte character (cut-off upload). */
    TRUNCATED_CHARACTER,
    /** The last line has too few fields and no line break (cut-off upload). */
    TRUNCATED_LAST_LINE,
    /** A quoted field is not closed before the end of the file. */
    UNCLOSED_QUOTE,
    /** Text follows a closing quote: a quote inside a quoted field was not doubled. */
    TEXT_AFTER_QUOTE,
    /** A record has more or fewer fields than the header. */
    FIELD_COUNT,
    /** The header is one column holding semicolons, tabs or bars: another delimiter than the comma. */
    WRONG_DELIMITER,
    /** A byte-order mark (U+FEFF) inside the header: a second BOM, or files pasted together. */
    STRAY_BOM,
    /** The header names a column twice (names compare case-insensitively). */
    DUPLICATE_COLUMN,
    /** The header lacks a column the feed's mapping reads. */
    MISSING_COLUMN,
    /** The header names none of the columns the mapping reads (display names, another export). */
    UNKNOWN_HEADER,
    /** A CSV record or NDJSON line longer than {@link FileLimits#MAX_RECORD_CHARS}: a huge cell. */
    RECORD_TOO_LONG,
    /** A JSON string longer than {@link FileLimits#MAX_JSON_STRING_CHARS}: a huge cell. */
    CELL_TOO_LONG,
    /** JSON that does not parse (a broken line, a missing comma). */
    NOT_JSON,
    /** JSON that ends early (cut-off upload). */
    JSON_TRUNCATED,
    /** A JSON file whose root is not an array of row objects, or an element that is not an object. */
    JSON_NOT_ROWS,
    /** Not an XLSX workbook at all (no zip header: a CSV or text file named .xlsx). */
    XLSX_NOT_A_WORKBOOK,
    /** A zip whose central directory is missing: the workbook was cut off. */
    XLSX_TRUNCATED,
    /** An Excel 97–2003 (.xls, OLE2) workbook named .xlsx. */
    XLSX_LEGACY_XLS,
    /** A password-protected (encrypted) workbook. */
    XLSX_ENCRYPTED,
    /** A macro-enabled workbook (.xlsm, vbaProject.bin) named .xlsx. */
    XLSX_MACROS,
    /** A part expands beyond POI's ZipSecureFile limits (inflate ratio, entry size): a zip bomb. */
    XLSX_ZIP_BOMB,
    /** The shared-strings part (held in memory) is larger than {@link FileLimits#MAX_SHARED_STRINGS_BYTES}. */
    XLSX_SHARED_STRINGS_TOO_LARGE,
    /** The sheet holds only drawings (pictures), no cells. */
    XLSX_IMAGES_ONLY,
    /** The sheet has no rows. */
    XLSX_EMPTY_SHEET,
    /** The workbook has no sheet (of the configured name). */
    XLSX_NO_SHEET,
    /** The workbook cannot be read for another reason (the message says which). */
    XLSX_UNREADABLE,
    /** A reason without a more specific code (kept for callers that do not give one). */
    UNREADABLE
}
