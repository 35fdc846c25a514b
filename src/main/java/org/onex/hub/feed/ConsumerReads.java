package org.onex.hub.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.BrokerReadProgress;
import org.onex.hub.policy.Role;

/**
 * What one network consumer was delivered since its last audit entry ({@link BrokerReads}): a count, a running
 * digest of record ids (SHA-256 as {@link AuditLog#idsDigest} computes it) and the first and last feed position.
 */
final class ConsumerReads {

    /** Serializes this consumer's progress writes and entries (never held by a delivery). */
    final ReentrantLock lock = new ReentrantLock();
    /** Set under {@link #lock} once the closing entry is written: no progress row after it. */
    boolean closed;

    private final String key;
    private final String user;
    private final Role role;
    private final String address;
    private MessageDigest digest = sha256();
    private long count;
    private long ids;
    private Long firstSeq;
    private Long lastSeq;
    private Instant since;

    ConsumerReads(String key, String user, Role role, String address, Instant since) {
        this.key = key;
        this.user = user;
        this.role = role;
        this.address = address;
        this.since = since;
    }

    /** The ids as {@link AuditLog#idsDigest} joins them: decimals separated by commas. */
    synchronized void delivered(Object recordId, Object feedSeq) {
        if (recordId != null) {
            digest.update(((ids++ == 0 ? "" : ",") + recordId).getBytes(StandardCharsets.UTF_8));
        }
        if (feedSeq instanceof Number n) {
            if (firstSeq == null) {
                firstSeq = n.longValue();
            }
            lastSeq = n.longValue();
        }
        count++;
    }

    /** The reads so far, digest included (of a copy: counting goes on). */
    synchronized BrokerReadProgress.Reads snapshot(Instant now) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be cloned", e);
        }
        return new BrokerReadProgress.Reads(key, user, role, address, count, sha, firstSeq, lastSeq, since, now);
    }

    /**
     * Hands the reads since the last entry to {@code writer} (unless there are none and {@code evenIfNone} is
     * false), then starts counting afresh; deliveries wait meanwhile (one transaction, once a period or at close),
     * so none falls between the entry and the reset. When the writer fails, counting goes on from where it was.
     */
    synchronized boolean take(Instant now, boolean evenIfNone, Consumer<BrokerReadProgress.Reads> writer) {
        if (count == 0 && !evenIfNone) {
            return false;
        }
        writer.accept(snapshot(now));
        digest = sha256();
        count = 0;
        ids = 0;
        firstSeq = null;
        lastSeq = null;
        since = now;
        return true;
    }

    String user() {
        return user;
    }

    String address() {
        return address;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
