package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * A Reader that decodes strictly and knows the byte offset it has reached, so a bad byte sequence is
 * reported as "bytes are not valid GB18030 at offset 1021" instead of being replaced by U+FFFD. The
 * parsers above it wrap reader exceptions in their own ways, so the rejection is also kept in
 * {@link #rejection()} for the caller to prefer over whatever the parser threw. A UTF-8 byte-order mark
 * is skipped when the declared charset is UTF-8 (Excel and Notepad write one).
 */
final class StrictDecoder extends Reader {

    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    /** File offset of {@code bytes.array()[0]}. */
    private long bytesBefore;
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private FileRejectedException rejection;
    private RecordGuard guard;
    private boolean started;
    private char lastChar;

    StrictDecoder(InputStream in, Charset charset) throws IOException {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (charset.equals(StandardCharsets.UTF_8)) {
            skipByteOrderMark();
        }
    }

    /** Rejects the file once a record is longer than the guard's limit (CSV, NDJSON). */
    StrictDecoder guard(RecordGuard recordGuard) {
        this.guard = recordGuard;
        return this;
    }

    /** The last character handed out (0 before the first): a file that does not end in a line break was cut? */
    char lastChar() {
        return lastChar;
    }

    /** Why decoding stopped, or null while the bytes are good. */
    FileRejectedException rejection() {
        return rejection;
    }

    /** How many bytes were read from the stream so far (0 after the end means the input was empty). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        if (!started) {
            started = true;
            // a GB18030 byte-order mark (84 31 95 33) decodes to U+FEFF; UTF-8's is skipped as bytes above,
            // so that a second one is still seen (and rejected as a stray BOM by the header)
            if (!charset.equals(StandardCharsets.UTF_8) && chars.get(chars.position()) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining() && !decodeMore()) {
                    return -1;
                }
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        if (guard != null && !guard.scan(cbuf, off, n)) {
            rejection = new FileRejectedException(FileReason.RECORD_TOO_LONG, "line " + guard.recordLine()
                    + ": a record longer than " + guard.max() + " characters (a huge cell, or a file without"
                    + " line breaks); nothing was read beyond it");
            throw new java.io.IOException(rejection.getMessage());
        }
        lastChar = cbuf[off + n - 1];
        return n;
    }

    /** Leaves the stream open: it belongs to whoever opened it (the parsers above close their reader). */
    @Override
    public void close() {
        // nothing to release
    }

    private void skipByteOrderMark() throws IOException {
        while (bytes.remaining() < 3 && !endOfInput) {
            readBytes();
        }
        if (bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    /** Refills {@link #chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !flushed) {
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError() && chars.position() > 0) {
                    break; // hand out the good text first; the next call reports the error
                }
                if (result.isError()) {
                    throw reject(result);
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfInput) {
                    decoder.flush(chars);
                    flushed = true;
                } else {
                    readBytes();
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    private void readBytes() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    private MalformedInputException reject(CoderResult result) {
        MalformedInputException e = new MalformedInputException(result.length());
        long offset = bytesBefore + bytes.position();
        if (endOfInput && bytes.position() + result.length() >= bytes.limit()) {
            rejection = new FileRejectedException(FileReason.TRUNCATED_CHARACTER, "the file ends in the middle of a "
                    + charset.name() + " character at offset " + offset + " (truncated upload?)", e);
        } else {
            rejection = new FileRejectedException(FileReason.INVALID_BYTES, "bytes are not valid " + charset.name()
                    + " at offset " + offset, e);
        }
        return e;
    }
}
