package org.onex.hub.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onex.hub.audit.AuditAnchors.Line;
import org.onex.hub.audit.AuditAnchors.Status;

/**
 * The anchors {@link AuditVerifier} checks the chain against: each usable anchor names an entry
 * that must still be there with the same hash, and the newest names an entry the chain must reach.
 */
final class AnchorCheck {

    /** No anchors configured (a verifier on a bare store, as in unit tests). */
    static final AnchorCheck NONE = new AnchorCheck(null);

    private final AuditAnchors.Read read;
    private final Map<Long, List<AuditAnchor>> bySeq = new HashMap<>();
    private final Optional<AuditAnchor> newest;

    AnchorCheck(AuditAnchors.Read read) {
        this.read = read;
        List<AuditAnchor> usable = read == null ? List.of()
                : read.lines().stream().filter(Line::usable).map(Line::anchor).toList();
        usable.forEach(a -> bySeq.computeIfAbsent(a.seq(), s -> new java.util.ArrayList<>()).add(a));
        newest = usable.stream().max(Comparator.comparingLong(AuditAnchor::seq));
    }

    /** Why entry {@code seq} with {@code hash} is not the one an anchor names, if it is not. */
    Optional<String> mismatch(long seq, String hash) {
        return bySeq.getOrDefault(seq, List.of()).stream().filter(a -> !a.hash().equals(hash)).findFirst()
                .map(a -> "entry " + seq + " is not the entry the anchor of " + a.time() + " names (hash " + a.hash()
                        + " there, " + hash + " here): the log was rewritten from entry " + seq
                        + " on, or truncated and written again");
    }

    /** Why the chain ending at {@code lastSeq} is too short, if the newest anchor names a later entry. */
    Optional<String> truncation(long lastSeq) {
        return newest.filter(a -> a.seq() > lastSeq).map(a -> "the chain ends at entry " + lastSeq + " but the anchor"
                + " of " + a.time() + " names entry " + a.seq() + " > " + lastSeq + " with hash " + a.hash() + ": "
                + (a.seq() == lastSeq + 1 ? "entry " + a.seq() + " was" : "entries " + (lastSeq + 1) + " to "
                        + a.seq() + " were") + " removed and the chain head moved back");
    }

    /** A line that names the hub's key but was not signed with it, if any: "line N of FILE". */
    Optional<Line> forged() {
        return read == null ? Optional.empty()
                : read.lines().stream().filter(l -> l.status() == Status.FORGED).findFirst();
    }

    String source() {
        return String.valueOf(read == null ? null : read.source());
    }

    /** Anchors checked (usable ones). */
    int checked() {
        return bySeq.values().stream().mapToInt(List::size).sum();
    }

    /** What a valid result adds to its message: which anchors it was checked against. */
    String note() {
        if (read == null) {
            return "";
        }
        String unchecked = read.keyAvailable() ? "" : " (signatures not checked: no anchor key here)";
        return newest.map(a -> "; checked against " + checked() + (checked() == 1 ? " anchor" : " anchors") + " of "
                + read.source() + ", the newest of " + a.time() + " naming entry " + a.seq() + unchecked)
                .orElse("; no anchor in " + read.source() + " yet");
    }
}
