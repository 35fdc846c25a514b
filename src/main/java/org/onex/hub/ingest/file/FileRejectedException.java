package org.onex.hub.ingest.file;

/**
 * A file-level (structural) failure: the file cannot be read as a whole (undecodable bytes, truncated,
 * wrong header, wrong number of fields, not JSON). Nothing of the file is stored; the message is written
 * next to the file as {@code <name>.reason.txt} and must say exactly what is wrong and where, e.g.
 * "line 3812: 5 fields, expected 27" or "bytes are not valid GB18030 at offset 1021".
 */
public class FileRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FileReason code;

    public FileRejectedException(FileReason code, String reason) {
        this(code, reason, null);
    }

    public FileRejectedException(FileReason code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    /** Without a specific code ({@link FileReason#UNREADABLE}); prefer the constructors that give one. */
    public FileRejectedException(String reason) {
        this(FileReason.UNREADABLE, reason, null);
    }

    public FileRejectedException(String reason, Throwable cause) {
        this(FileReason.UNREADABLE, reason, cause);
    }

    /** The stable code of the reason (docs/file-reasons.md). */
    public FileReason code() {
        return code;
    }

    /** The reason for the operator and the department, without any exception class name. */
    public String reason() {
        return getMessage();
    }
}
