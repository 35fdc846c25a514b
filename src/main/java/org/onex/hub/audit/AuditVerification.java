package org.onex.hub.audit;

/**
 * The outcome of walking the audit chain ({@link AuditVerifier}), ready to be returned as JSON.
 *
 * @param valid    true when every entry from {@code fromSeq} to {@code toSeq} is intact and chained
 * @param message  one line for people: "audit chain valid: …" or what is wrong, naming the first bad entry
 * @param problem  what is wrong, null when valid
 * @param badSeq   the first bad entry's seq (for a gap: the first missing seq), null when valid
 * @param checked  entries checked
 * @param fromSeq  first seq checked (the entry after the purge anchor)
 * @param toSeq    last seq checked (the chain head when verification started)
 * @param headHash hash of the chain head: write it down, and a later verification proves the log up to here is
 *                 unchanged
 * @param anchorsChecked anchors outside the store the chain was checked against ({@link AuditAnchoring})
 */
public record AuditVerification(boolean valid, String message, Problem problem, Long badSeq, long checked,
        long fromSeq, long toSeq, String headHash, int anchorsChecked) {

    /** The kinds of breakage the verifier tells apart. */
    public enum Problem {
        /** An entry's hash does not match its content. */
        ALTERED,
        /** Seq jumps: entries were deleted (in the middle, or at the end below the chain head). */
        MISSING,
        /** An entry's previous hash is not the hash of the entry before it (or of the purge anchor). */
        UNCHAINED,
        /** The last entry is not the one the chain head records. */
        HEAD_MISMATCH,
        /** The purge anchor was not set by the retention purge (no AUDIT_PURGED entry repeats it). */
        ANCHOR_UNCONFIRMED,
        /** An anchor outside the store names an entry beyond the chain's end: newest entries removed, head moved back. */
        TRUNCATED,
        /** An anchor outside the store names an entry that now has another hash: rewritten from there on. */
        ANCHOR_MISMATCH,
        /** A line of the anchor file names the hub's anchor key but its signature does not match. */
        ANCHOR_FORGED
    }

    static AuditVerification valid(long checked, long fromSeq, long toSeq, String headHash) {
        String range = checked == 0 ? "no entries" + (fromSeq > 1 ? " after the purge anchor " + (fromSeq - 1) : "")
                : checked + (checked == 1 ? " entry" : " entries") + " from " + fromSeq + " to " + toSeq;
        return new AuditVerification(true, "audit chain valid: " + range + ", head hash " + headHash, null, null,
                checked, fromSeq, toSeq, headHash, 0);
    }

    /** This result, checked against anchors outside the store too. */
    AuditVerification anchored(int anchors, String note) {
        return new AuditVerification(valid, message + note, problem, badSeq, checked, fromSeq, toSeq, headHash,
                anchors);
    }

    static AuditVerification broken(Problem problem, long badSeq, String message, long checked, long fromSeq,
            long toSeq, String headHash) {
        return new AuditVerification(false, message, problem, badSeq, checked, fromSeq, toSeq, headHash, 0);
    }
}
