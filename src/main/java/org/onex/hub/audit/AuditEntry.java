package org.onex.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One entry of the audit log. {@code hash} is SHA-256 over {@link #canonical}: a compact JSON
 * array of the version tag, seq, time (epoch milliseconds), client, role, action, target, detail (its stored
 * text, as is) and the previous entry's hash. A JSON array because its escaping makes the serialization
 * unambiguous and anyone can recompute it with a JSON tool (docs/audit-and-keys.md shows how).
 *
 * @param role   null for entries the hub writes about itself without a role
 * @param detail JSON text, hashed exactly as stored
 */
public record AuditEntry(long seq, Instant recordedAt, String clientId, String role, String action, String target,
        String detail, String prevHash, String hash) {

    /** The version tag that starts every serialization; a new format would get a new tag. */
    static final String FORMAT = "onex-audit-v1";
    /** The previous hash of the first entry ever written. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new entry chained to {@code prevHash}, its hash computed. */
    static AuditEntry chained(long seq, Instant recordedAt, String clientId, String role, String action,
            String target, String detail, String prevHash) {
        return new AuditEntry(seq, recordedAt, clientId, role, action, target, detail, prevHash,
                hashOf(seq, recordedAt, clientId, role, action, target, detail, prevHash));
    }

    /** True when the stored hash is the hash of the stored content (the entry was not altered). */
    public boolean intact() {
        return hashOf(seq, recordedAt, clientId, role, action, target, detail, prevHash).equals(hash);
    }

    static String hashOf(long seq, Instant recordedAt, String clientId, String role, String action, String target,
            String detail, String prevHash) {
        return sha256(canonical(seq, recordedAt, clientId, role, action, target, detail, prevHash));
    }

    /** The canonical serialization the hash covers, e.g. {@code ["onex-audit-v1",1,1767225600000,"demo-admin",…]}. */
    static String canonical(long seq, Instant recordedAt, String clientId, String role, String action,
            String target, String detail, String prevHash) {
        ArrayNode a = JSON.createArrayNode().add(FORMAT).add(seq).add(recordedAt.toEpochMilli()).add(clientId)
                .add(role).add(action).add(target).add(detail).add(prevHash);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
