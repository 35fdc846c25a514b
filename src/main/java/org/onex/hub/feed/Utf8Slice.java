package org.onex.hub.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * A part of a UTF-8 byte array that a JSON generator writes raw: a UTF-8 generator copies the bytes as they are
 * ({@link #appendUnquotedUTF8}); anything that asks for characters or quoting gets them from the decoded text.
 * Only for bytes that are JSON already (a stored envelope): nothing is escaped.
 */
final class Utf8Slice implements SerializableString {

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private SerializedString text;

    Utf8Slice(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int at) {
        if (at + length > buffer.length) {
            return -1; // the generator flushes and writes asUnquotedUTF8() itself
        }
        System.arraycopy(bytes, offset, buffer, at, length);
        return length;
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(bytes, offset, length);
        return length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (length > buffer.remaining()) {
            return -1;
        }
        buffer.put(bytes, offset, length);
        return length;
    }

    @Override
    public String getValue() {
        return text().getValue();
    }

    @Override
    public int charLength() {
        return text().charLength();
    }

    @Override
    public char[] asQuotedChars() {
        return text().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int at) {
        return text().appendQuotedUTF8(buffer, at);
    }

    @Override
    public int appendQuoted(char[] buffer, int at) {
        return text().appendQuoted(buffer, at);
    }

    @Override
    public int appendUnquoted(char[] buffer, int at) {
        return text().appendUnquoted(buffer, at);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return text().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return text().putQuotedUTF8(buffer);
    }

    private SerializedString text() {
        if (text == null) {
            text = new SerializedString(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        return text;
    }

    @Override
    public String toString() {
        return getValue();
    }
}
