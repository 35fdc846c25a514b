package org.onex.hub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The attachments an exchange may carry (issue 15 item 5): PDF, OFD, JPEG, PNG, DOCX and XLSX, detected from
 * the content (never from the file name or a claimed type), at most {@code maxBytes} each, named by the SHA-256
 * of their bytes. ZIP-based formats are told apart by the names in the archive's central directory, which is read
 * without inflating anything (a zip bomb costs nothing here).
 */
public final class Attachments {

    /** The types accepted, with the media type served back. */
    public enum Type {
        PDF("application/pdf"), OFD("application/ofd"), JPEG("image/jpeg"), PNG("image/png"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String mediaType;

        Type(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** An accepted attachment's content, name and type. */
    public record Content(String sha256, Type type, byte[] bytes) {
    }

    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final long maxBytes;

    public Attachments(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Decodes an attachment given as Base64 in a letter and checks it; {@code item} names it in a refusal. */
    public Content decode(String item, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ExchangeRefusedException(new Refusal(item, "ATTACHMENT", "附件内容不是有效的 Base64 编码",
                    "the content is not valid Base64: " + e.getMessage()));
        }
        return check(item, bytes);
    }

    /** Checks an attachment's size and type; refuses it with a reason if either is wrong. */
    public Content check(String item, byte[] bytes) {
        List<Refusal> refusals = new ArrayList<>();
        if (bytes.length == 0) {
            refusals.add(new Refusal(item, "ATTACHMENT", "附件为空", "the attachment is empty"));
        } else if (bytes.length > maxBytes) {
            refusals.add(new Refusal(item, "ATTACHMENT", "附件超过大小上限 " + maxBytes + " 字节",
                    "the attachment has " + bytes.length + " bytes, more than the limit of " + maxBytes));
        }
        Optional<Type> type = refusals.isEmpty() ? detect(bytes) : Optional.empty();
        if (refusals.isEmpty() && type.isEmpty()) {
            refusals.add(new Refusal(item, "ATTACHMENT", "附件类型不允许：仅接受 PDF、OFD、JPEG、PNG、DOCX、XLSX",
                    "the content is none of the accepted types PDF, OFD, JPEG, PNG, DOCX, XLSX (detected from the"
                            + " bytes, not the file name)"));
        }
        if (!refusals.isEmpty()) {
            throw new ExchangeRefusedException(refusals);
        }
        return new Content(sha256(bytes), type.get(), bytes);
    }

    /** The type of {@code bytes} if it is one of the accepted ones. */
    static Optional<Type> detect(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Type.PDF);
        }
        if (starts(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return Optional.of(Type.JPEG);
        }
        if (starts(b, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
            return Optional.of(Type.PNG);
        }
        if (starts(b, new byte[] { 'P', 'K', 3, 4 })) {
            return zipType(b);
        }
        return Optional.empty();
    }

    /** DOCX, XLSX or OFD (GB/T 33190: an OFD.xml at the root), from the central directory's names. */
    private static Optional<Type> zipType(byte[] b) {
        Set<String> names = new java.util.HashSet<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(b)).get()) {
            var entries = zip.getEntries();
            while (entries.hasMoreElements() && names.size() < MAX_ZIP_ENTRIES) {
                ZipArchiveEntry e = entries.nextElement();
                names.add(e.getName());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable archive
        }
        if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
            return Optional.of(Type.DOCX);
        }
        if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
            return Optional.of(Type.XLSX);
        }
        if (names.contains("OFD.xml")) {
            return Optional.of(Type.OFD);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex SHA-256 of the bytes: the attachment's name in the store. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
