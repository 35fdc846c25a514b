package org.onex.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs audit anchors ({@link AuditAnchor}): {@code hub.audit.anchor.key} (from the environment,
 * {@code HUB_AUDIT_ANCHOR_KEY}, at least 16 characters), or else the key file
 * ({@code hub.audit.anchor.key-file}, default {@code ${hub.data-dir}/audit-anchor.key}), which the hub creates
 * with 32 random bytes (hex, mode 600) the first time it anchors. Its id is the first 8 hex digits of its SHA-256.
 */
final class AuditAnchorKey {

    private final byte[] secret;
    private final String id;

    private AuditAnchorKey(byte[] secret) {
        this.secret = secret.clone();
        this.id = AuditEntry.sha256(new String(secret, StandardCharsets.UTF_8)).substring(0, 8);
    }

    /** The configured key, or the key file's; created in the key file when {@code create} and there is none. */
    static Optional<AuditAnchorKey> load(String configured, Path keyFile, boolean create) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 16) {
                throw new IllegalArgumentException("hub.audit.anchor.key is shorter than 16 characters");
            }
            return Optional.of(new AuditAnchorKey(configured.strip().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            if (Files.isRegularFile(keyFile)) {
                return Optional.of(new AuditAnchorKey(Files.readString(keyFile).strip()
                        .getBytes(StandardCharsets.UTF_8)));
            }
            if (!create) {
                return Optional.empty();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String hex = HexFormat.of().formatHex(random);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, hex + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            return Optional.of(new AuditAnchorKey(hex.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit anchor key file " + keyFile, e);
        }
    }

    String id() {
        return id;
    }

    /** HMAC-SHA256 of {@code text} (UTF-8), hex. */
    String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
