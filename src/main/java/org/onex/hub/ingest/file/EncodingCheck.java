package org.onex.hub.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Catches a UTF-8 file in a feed declared GBK or GB18030. Chinese UTF-8 text usually decodes as GBK
 * without a single error, into mojibake, so strict decoding alone cannot see the mistake; a file that
 * is valid UTF-8 throughout and has at least one multi-byte sequence (or starts with a UTF-8 BOM) is
 * all but certainly UTF-8. One streaming pass over the bytes, before parsing.
 */
final class EncodingCheck {

    private static final Set<String> GB_FAMILY = Set.of("GBK", "GB18030");

    private EncodingCheck() {
    }

    static void rejectUtf8AsGb(Path file, Charset declared) throws FileRejectedException, IOException {
        if (!GB_FAMILY.contains(declared.name())) {
            return;
        }
        String found = utf8Kind(file);
        if (found != null) {
            throw new FileRejectedException(FileReason.UTF8_IN_GB_FEED, "the file is " + found + " but the feed declares " + declared.name()
                    + ": it would be read as mojibake; export it as " + declared.name()
                    + " or change the feed's encoding");
        }
    }

    /**
     * Rejects a file that starts with a UTF-16 byte-order mark (Windows Notepad's "Unicode", some Excel
     * "Unicode text" exports) in a feed declared UTF-8, GBK or GB18030: its bytes would otherwise be reported
     * as invalid at offset 0, which does not tell the department what to change.
     */
    static void rejectUtf16(Path file, Charset declared) throws FileRejectedException, IOException {
        if (declared.name().startsWith("UTF-16")) {
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        if (head.length == 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            throw utf16("UTF-16LE (byte-order mark FF FE)", declared);
        }
        if (head.length == 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            throw utf16("UTF-16BE (byte-order mark FE FF)", declared);
        }
    }

    static FileRejectedException utf16(String found, Charset declared) {
        return new FileRejectedException(FileReason.UTF16_FILE, "the file is " + found + " but the feed declares "
                + declared.name() + "; export it as " + declared.name() + " (in Excel: CSV, not \"Unicode text\")");
    }

    /** "UTF-8 (with byte-order mark)", "UTF-8" when the bytes are UTF-8 with non-ASCII text, else null. */
    private static String utf8Kind(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer sink = CharBuffer.allocate(64 * 1024);
        boolean multiByte = false;
        try (InputStream in = Files.newInputStream(file)) {
            int head = in.readNBytes(bytes.array(), 0, 3);
            if (head == 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                    && (bytes.get(2) & 0xFF) == 0xBF) {
                return "UTF-8 (with byte-order mark)";
            }
            bytes.position(head);
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0)).flip();
                multiByte = multiByte || hasHighByte(bytes);
                CoderResult result;
                do {
                    sink.clear();
                    result = utf8.decode(bytes, sink, end);
                } while (result.isOverflow());
                if (result.isError()) {
                    return null;
                }
                if (end) {
                    return multiByte ? "UTF-8" : null;
                }
                bytes.compact();
            }
        }
    }

    private static boolean hasHighByte(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) < 0) {
                return true;
            }
        }
        return false;
    }
}
