package org.onex.hub.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The anchor file: audit anchors ({@link AuditAnchor}) appended one line each, forced to disk,
 * and read back by {@link AuditVerifier}. The file is opened for appending only; give it to an account the database
 * administrators do not have (or make it append-only, {@code chattr +a}), and keep the log lines elsewhere too.
 */
@Component
public class AuditAnchors {

    private final Path file;
    private final Path keyFile;
    private final String configuredKey;

    @Autowired
    public AuditAnchors(AuditAnchorProperties properties, @Value("${hub.data-dir:./data}") String dataDir) {
        this(properties.file().isBlank() ? Path.of(dataDir, "audit-anchors.log") : Path.of(properties.file()),
                properties.keyFile().isBlank() ? Path.of(dataDir, "audit-anchor.key") : Path.of(properties.keyFile()),
                properties.key());
    }

    AuditAnchors(Path file, Path keyFile, String configuredKey) {
        this.file = file;
        this.keyFile = keyFile;
        this.configuredKey = configuredKey;
    }

    public Path file() {
        return file;
    }

    /** Signs an anchor of entry {@code seq} with {@code hash} and appends it to the file (creating key and file). */
    synchronized AuditAnchor append(Instant time, long seq, String hash) {
        AuditAnchorKey key = AuditAnchorKey.load(configuredKey, keyFile, true).orElseThrow();
        AuditAnchor anchor = AuditAnchor.signed(time, seq, hash, key);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap((anchor.line() + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true); // on disk before the hub goes on: a crash right after keeps it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit anchor file " + file, e);
        }
        return anchor;
    }

    /** The newest anchor in the file (its last line holding one), without reading the whole file. */
    Optional<AuditAnchor> last() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int tail = (int) Math.min(length, 4096);
            byte[] bytes = new byte[tail];
            in.seek(length - tail);
            in.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<AuditAnchor> anchor = AuditAnchor.parse(lines.get(i));
                if (anchor.isPresent()) {
                    return anchor;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor file " + file, e);
        }
    }

    /** Every anchor of the file, with whether the key signed it; empty when there is no file yet. */
    Read read() {
        return read(file);
    }

    /** Every anchor in {@code source}: the anchor file, or a log file holding anchor lines. */
    Read read(Path source) {
        Optional<AuditAnchorKey> key = AuditAnchorKey.load(configuredKey, keyFile, false);
        List<Line> lines = new ArrayList<>();
        if (Files.isRegularFile(source)) {
            try (var reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    number++;
                    int n = number;
                    AuditAnchor.parse(text).ifPresent(a -> lines.add(new Line(a, n, key.isEmpty() ? Status.UNCHECKED
                            : a.signedBy(key.get()) ? Status.SIGNED
                            : a.keyId().equals(key.get().id()) ? Status.FORGED : Status.OTHER_KEY)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit anchors in " + source, e);
            }
        }
        return new Read(source, Files.isRegularFile(source), key.isPresent(), lines);
    }

    /** How an anchor line's signature checks out with the key the hub has now. */
    enum Status {
        /** Signed by the current key. */
        SIGNED,
        /** Names the current key but its HMAC does not match: written by someone without the key. */
        FORGED,
        /** Signed by another (earlier) key: cannot be checked, not used. */
        OTHER_KEY,
        /** No key is available here (no key file, no configured key): used, but its signature is not checked. */
        UNCHECKED
    }

    /** One anchor and where it was found. */
    record Line(AuditAnchor anchor, int number, Status status) {

        boolean usable() {
            return status == Status.SIGNED || status == Status.UNCHECKED;
        }
    }

    /** The anchors found in {@code source}. */
    record Read(Path source, boolean exists, boolean keyAvailable, List<Line> lines) {
    }
}
