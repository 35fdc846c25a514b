package org.onex.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API clients and their keys. A key is {@value #KEY_PREFIX} plus 32 random bytes in URL-safe
 * Base64; the hub stores only its SHA-256 and finds a presented key by that hash through a unique index. Nothing
 * is cached, so a revocation is refused by the very next request. Rotation issues a new key and lets the older
 * ones work until the end of an overlap, so a client can switch without an outage. Every change is audited.
 *
 * <p>Unknown clients or keys throw {@link NoSuchElementException}; invalid arguments throw
 * {@link IllegalArgumentException} with a message for the admin.
 */
@Repository
public class ApiClients {

    public static final String KEY_PREFIX = "hub_";
    static final String KEY_ID_PREFIX = "kid_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    public ApiClients(JdbcTemplate jdbc, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The client a presented key belongs to, if the key is known, not revoked, not past its overlap and its
     * client enabled. Why the lookup is safe against timing: the index compares SHA-256 values, which an
     * attacker cannot steer byte by byte from the key; the hash found is compared again in constant time.
     */
    public Optional<Client> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        byte[] digest = AuditEntry.sha256(presentedKey.getBytes(StandardCharsets.UTF_8));
        return clientOf(ApiClientKey.KEY, HexFormat.of().formatHex(digest),
                stored -> MessageDigest.isEqual(HexFormat.of().parseHex(stored), digest));
    }

    /**
     * The client a TLS client certificate is mapped to, if the mapping is not revoked, the certificate is within
     * its validity and the client enabled. The TLS layer has already checked the certificate against the trust
     * store (its chain and signature); this maps exactly that certificate, by its SHA-256 fingerprint, so a new
     * certificate for the same subject needs its own mapping.
     */
    public Optional<Client> authenticateCertificate(X509Certificate certificate) {
        Instant now = clock.instant();
        if (certificate == null || now.isBefore(certificate.getNotBefore().toInstant())
                || now.isAfter(certificate.getNotAfter().toInstant())) {
            return Optional.empty();
        }
        return clientOf(ApiClientKey.CERTIFICATE, fingerprint(certificate), stored -> true);
    }

    /**
     * The enabled client with a credential of this kind and hash that is valid now, if {@code matches} accepts the
     * stored hash (keys compare it again in constant time).
     */
    private Optional<Client> clientOf(String kind, String hash, Predicate<String> matches) {
        Instant now = clock.instant();
        return jdbc.query("SELECT k.key_hash, k.key_id, k.client_id, k.created_at, k.not_after, k.revoked_at, k.kind,"
                + " k.label, c.client_role, c.department, c.enabled FROM hub_client_key k JOIN hub_client c"
                + " ON c.id = k.client_id WHERE k.key_hash = ? AND k.kind = ?",
                (rs, i) -> matches.test(rs.getString("key_hash")) && rs.getBoolean("enabled") && key(rs, i).validAt(now)
                        ? new Client(rs.getString("client_id"), Role.valueOf(rs.getString("client_role")),
                                rs.getString("department"))
                        : null,
                hash, kind).stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * Maps a TLS client certificate to the client: requests presenting it act as the client until it expires or
     * the mapping is revoked ({@link #revoke} with the returned key id, or every credential of the client).
     */
    public ApiClientKey mapCertificate(String clientId, X509Certificate certificate, Client actor) {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (!now.isBefore(notAfter)) {
            throw new IllegalArgumentException("the certificate of " + certificate.getSubjectX500Principal()
                    + " expired at " + notAfter);
        }
        String fingerprint = fingerprint(certificate);
        return tx.execute(status -> {
            lockClient(clientId);
            List<String> holder = jdbc.queryForList("SELECT client_id FROM hub_client_key WHERE key_hash = ?",
                    String.class, fingerprint);
            if (!holder.isEmpty()) {
                throw new IllegalArgumentException("the certificate " + fingerprint + " is mapped to client '"
                        + holder.get(0) + "' already");
            }
            String keyId = KEY_ID_PREFIX + random(9);
            String subject = certificate.getSubjectX500Principal().getName();
            String label = subject.length() > 512 ? subject.substring(0, 512) : subject;
            jdbc.update("INSERT INTO hub_client_key (key_id, client_id, key_hash, created_at, not_after, kind, label)"
                    + " VALUES (?,?,?,?,?,?,?)", keyId, clientId, fingerprint, Timestamp.from(now),
                    Timestamp.from(notAfter), ApiClientKey.CERTIFICATE, label);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("keyId", keyId);
            detail.put("subject", subject);
            detail.put("issuer", certificate.getIssuerX500Principal().getName());
            detail.put("sha256", fingerprint);
            detail.put("notAfter", notAfter.toString());
            audit.record(actor, AuditAction.CERTIFICATE_MAPPED, clientId, detail);
            return jdbc.queryForObject("SELECT * FROM hub_client_key WHERE key_id = ?", ApiClients::key, keyId);
        });
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding, in lower-case hex. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(AuditEntry.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Adds a client without a key ({@link #issue} gives it one). */
    public ApiClient add(String id, Role role, String department, String displayName, Client actor) {
        ApiClient.check(id, role, department);
        String name = displayName == null || displayName.isBlank() ? id : displayName.strip();
        return tx.execute(status -> {
            if (find(id).isPresent()) {
                throw new IllegalArgumentException("client '" + id + "' exists already");
            }
            jdbc.update("INSERT INTO hub_client (id, client_role, department, display_name, enabled, created_at)"
                    + " VALUES (?,?,?,?,TRUE,?)", id, role.name(), department, name, Timestamp.from(clock.instant()));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("role", role.name());
            detail.put("department", department);
            detail.put("displayName", name);
            audit.record(actor, AuditAction.CLIENT_ADDED, id, detail);
            return find(id).orElseThrow();
        });
    }

    /** A new key for the client, valid until revoked; its other keys are untouched. */
    public ApiClientSecret issue(String clientId, Client actor) {
        return tx.execute(status -> {
            lockClient(clientId);
            ApiClientSecret secret = insertKey(clientId, null);
            audit.record(actor, AuditAction.KEY_ISSUED, clientId, Map.of("keyId", secret.keyId()));
            return secret;
        });
    }

    /** A new key; the client's other valid keys keep working until now + {@code overlap}, then are refused. */
    public ApiClientSecret rotate(String clientId, Duration overlap, Client actor) {
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("the overlap of a rotation must be zero or more, is " + overlap);
        }
        return tx.execute(status -> {
            lockClient(clientId);
            Instant until = clock.instant().plus(overlap);
            // certificates end with their validity; a key rotation leaves them alone
            List<String> older = jdbc.queryForList("SELECT key_id FROM hub_client_key WHERE client_id = ? AND"
                    + " kind = 'KEY' AND revoked_at IS NULL AND (not_after IS NULL OR not_after > ?)"
                    + " ORDER BY created_at, key_id", String.class, clientId, Timestamp.from(until));
            jdbc.update("UPDATE hub_client_key SET not_after = ? WHERE client_id = ? AND kind = 'KEY' AND"
                    + " revoked_at IS NULL AND (not_after IS NULL OR not_after > ?)", Timestamp.from(until), clientId,
                    Timestamp.from(until));
            ApiClientSecret secret = insertKey(clientId, until);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("keyId", secret.keyId());
            detail.put("previousKeys", older);
            detail.put("previousValidUntil", until.toString());
            audit.record(actor, AuditAction.KEY_ROTATED, clientId, detail);
            return secret;
        });
    }

    /**
     * Revokes a key or certificate mapping ({@value #KEY_ID_PREFIX}…) or every credential of a client: refused
     * from this instant on.
     */
    public int revoke(String keyIdOrClientId, Client actor) {
        return keyIdOrClientId != null && keyIdOrClientId.startsWith(KEY_ID_PREFIX) ? revokeKey(keyIdOrClientId, actor)
                : revokeClient(keyIdOrClientId, actor);
    }

    /** Revokes one key; returns 1, or 0 when it was revoked already. */
    public int revokeKey(String keyId, Client actor) {
        return tx.execute(status -> {
            String clientId = jdbc.queryForList("SELECT client_id FROM hub_client_key WHERE key_id = ?", String.class,
                    keyId).stream().findFirst().orElseThrow(() -> new NoSuchElementException("no key '" + keyId + "'"));
            return revokeWhere(clientId, actor, "key_id = ?", keyId);
        });
    }

    /** Revokes every key of a client that still works (not revoked, not past its overlap); returns how many. */
    public int revokeClient(String clientId, Client actor) {
        return tx.execute(status -> {
            lockClient(clientId);
            return revokeWhere(clientId, actor, "client_id = ? AND (not_after IS NULL OR not_after > ?)", clientId,
                    Timestamp.from(clock.instant()));
        });
    }

    /** Enables or disables a client (a disabled client's keys are refused); false when nothing changed. */
    public boolean setEnabled(String clientId, boolean enabled, Client actor) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            lockClient(clientId);
            if (jdbc.update("UPDATE hub_client SET enabled = ? WHERE id = ? AND enabled <> ?", enabled, clientId,
                    enabled) == 0) {
                return false;
            }
            audit.record(actor, enabled ? AuditAction.CLIENT_ENABLED : AuditAction.CLIENT_DISABLED, clientId, Map.of());
            return true;
        }));
    }

    public Optional<ApiClient> find(String clientId) {
        return jdbc.query("SELECT * FROM hub_client WHERE id = ?", this::client, clientId).stream().findFirst();
    }

    /** Every client with its keys, by id. */
    public List<ApiClient> list() {
        return jdbc.query("SELECT * FROM hub_client ORDER BY id", this::client);
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hub_client", Long.class) == 0;
    }

    /** Revokes the keys matching {@code where} (one of the fixed conditions above) that are not revoked yet. */
    private int revokeWhere(String clientId, Client actor, String where, Object... args) {
        List<String> keys = jdbc.queryForList("SELECT key_id FROM hub_client_key WHERE " + where
                + " AND revoked_at IS NULL ORDER BY created_at, key_id", String.class, args);
        if (keys.isEmpty()) {
            return 0;
        }
        Object[] update = new Object[args.length + 1];
        update[0] = Timestamp.from(clock.instant());
        System.arraycopy(args, 0, update, 1, args.length);
        jdbc.update("UPDATE hub_client_key SET revoked_at = ? WHERE " + where + " AND revoked_at IS NULL", update);
        audit.record(actor, AuditAction.KEY_REVOKED, clientId, Map.of("keyIds", keys));
        return keys.size();
    }

    private ApiClientSecret insertKey(String clientId, Instant previousValidUntil) {
        String key = KEY_PREFIX + random(32);
        String keyId = KEY_ID_PREFIX + random(9);
        jdbc.update("INSERT INTO hub_client_key (key_id, client_id, key_hash, created_at) VALUES (?,?,?,?)", keyId,
                clientId, AuditEntry.sha256(key), Timestamp.from(clock.instant()));
        return new ApiClientSecret(clientId, keyId, key, previousValidUntil);
    }

    /** Serializes changes to one client's keys (two rotations at once must not both keep the old key). */
    private void lockClient(String clientId) {
        if (jdbc.queryForList("SELECT id FROM hub_client WHERE id = ? FOR UPDATE", String.class, clientId).isEmpty()) {
            throw new NoSuchElementException("no client '" + clientId + "'");
        }
    }

    private ApiClient client(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new ApiClient(id, Role.valueOf(rs.getString("client_role")), rs.getString("department"),
                rs.getString("display_name"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                jdbc.query("SELECT * FROM hub_client_key WHERE client_id = ? ORDER BY created_at, key_id",
                        ApiClients::key, id));
    }

    private static ApiClientKey key(ResultSet rs, int row) throws SQLException {
        return new ApiClientKey(rs.getString("key_id"), rs.getString("client_id"), instant(rs, "created_at"),
                instant(rs, "not_after"), instant(rs, "revoked_at"), rs.getString("kind"), rs.getString("label"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
