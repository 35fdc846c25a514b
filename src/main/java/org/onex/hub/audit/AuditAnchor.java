package org.onex.hub.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit chain's head written outside the store: the newest entry's seq and hash at a moment,
 * signed with the hub's anchor key (HMAC-SHA256, {@link AuditAnchorKey}). One line, the same in the anchor file and
 * in the hub's log, so an operator can grep either and hand it to verification:
 * {@code onex-audit-anchor-v1 time=2026-12-03T17:40:00.123Z seq=1234 hash=<64 hex> key=<8 hex> hmac=<64 hex>}.
 * The HMAC covers {@code onex-audit-anchor-v1|time|seq|hash}; {@code key} names the key (its SHA-256, 8 hex digits),
 * so lines signed with an earlier key are told apart from forged ones.
 */
public record AuditAnchor(Instant time, long seq, String hash, String keyId, String hmac) {

    static final String FORMAT = "onex-audit-anchor-v1";
    private static final Pattern LINE = Pattern.compile(FORMAT + " time=(\\S+) seq=(\\d+) hash=([0-9a-f]{64})"
            + " key=([0-9a-f]{8}) hmac=([0-9a-f]{64})");

    /** An anchor of the entry {@code seq} with {@code hash}, taken at {@code time} and signed with {@code key}. */
    static AuditAnchor signed(Instant time, long seq, String hash, AuditAnchorKey key) {
        return new AuditAnchor(time, seq, hash, key.id(), key.hmac(signedText(time, seq, hash)));
    }

    /** The anchor in a line of the anchor file or of a log file, if the line holds one. */
    static Optional<AuditAnchor> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditAnchor(Instant.parse(m.group(1)), Long.parseLong(m.group(2)), m.group(3),
                    m.group(4), m.group(5)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when {@code key} is the key that signed this anchor and the signature matches. */
    boolean signedBy(AuditAnchorKey key) {
        return key.id().equals(keyId) && key.hmac(signedText(time, seq, hash)).equals(hmac);
    }

    /** The line written to the anchor file and the log. */
    public String line() {
        return FORMAT + " time=" + time + " seq=" + seq + " hash=" + hash + " key=" + keyId + " hmac=" + hmac;
    }

    private static String signedText(Instant time, long seq, String hash) {
        return FORMAT + "|" + time + "|" + seq + "|" + hash;
    }
}
