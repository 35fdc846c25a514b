package org.onex.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-department push keys (the security issue replaces them with client keys and roles).
 * Keys are random secrets, so an unsalted SHA-256 is enough to keep them out of the configuration;
 * comparison is constant-time.
 */
@Component
@EnableConfigurationProperties(PushAccessProperties.class)
public class PushKeys {

    private final Map<String, byte[]> hashes;

    public PushKeys(PushAccessProperties properties, DepartmentRegistry registry) {
        HexFormat hex = HexFormat.of();
        this.hashes = properties.keys().entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(Collectors.toMap(
                e -> {
                    registry.require(e.getKey()); // a key for an unknown department is a configuration error
                    return e.getKey();
                },
                e -> {
                    String h = e.getValue().trim().toLowerCase(Locale.ROOT);
                    if (!h.matches("[0-9a-f]{64}")) {
                        throw new IllegalArgumentException("hub.push.keys." + e.getKey()
                                + " must be the SHA-256 of the key as 64 hex digits (sha256sum)");
                    }
                    return hex.parseHex(h);
                }));
    }

    /** The department whose key this is, if any. */
    public Optional<String> departmentOf(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(key.trim());
        String found = null;
        for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
            if (MessageDigest.isEqual(hash, e.getValue())) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
