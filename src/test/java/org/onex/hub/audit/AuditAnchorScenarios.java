package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.onex.hub.audit.AuditVerification.Problem;

/**
 * Issue 13 item 7, the same on every store ({@link AuditAnchorTest} on H2, {@link AuditPostgresIT} on PostgreSQL):
 * a chain of 18 entries anchored outside the store at entries 10 and 15, then truncated, truncated and written
 * again, its newest entry rewritten with its hash, an anchor forged; verification names each, and the chain
 * restored byte for byte verifies again. Also the remaining limit: entries after the newest anchor.
 */
final class AuditAnchorScenarios {

    private final AuditStores store;
    private final AuditAnchors anchors;
    private final AuditVerifier verifier;
    private final AuditAnchoring anchoring;
    private final Path dir;

    AuditAnchorScenarios(AuditStores store, Path dir) {
        this.store = store;
        this.dir = dir;
        anchors = new AuditAnchors(dir.resolve("audit-anchors.log"), dir.resolve("audit-anchor.key"), "");
        verifier = new AuditVerifier(store.jdbc, anchors);
        anchoring = new AuditAnchoring(anchors, verifier, store.clock);
    }

    void run() throws IOException {
        assertThat(verifier.verify().message()).endsWith("; no anchor in " + anchors.file() + " yet");
        append(10);
        AuditAnchor at10 = anchoring.anchor().orElseThrow();
        assertThat(anchoring.anchor()).as("the head did not move: no second line").isEmpty();
        append(5);
        AuditAnchor at15 = anchoring.anchor().orElseThrow();
        append(3);
        assertThat(at10.seq()).isEqualTo(10);
        assertThat(at15.seq()).isEqualTo(15);
        assertThat(Files.readAllLines(anchors.file())).containsExactly(at10.line(), at15.line());
        assertThat(Files.getPosixFilePermissions(dir.resolve("audit-anchor.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<AuditEntry> original = store.audit.page(0, 100);

        AuditVerification intact = verifier.verify();
        assertThat(intact.valid()).as(intact.message()).isTrue();
        assertThat(intact.anchorsChecked()).isEqualTo(2);
        assertThat(intact.message()).isEqualTo("audit chain valid: 18 entries from 1 to 18, head hash "
                + original.get(17).hash() + "; checked against 2 anchors of " + anchors.file() + ", the newest of "
                + at15.time() + " naming entry 15");

        // the newest entries deleted and the head moved back: named with the entries the newest anchor proves
        truncateTo(12);
        AuditVerification truncated = verifier.verify();
        assertThat(truncated).extracting(AuditVerification::valid, AuditVerification::problem,
                AuditVerification::badSeq).containsExactly(false, Problem.TRUNCATED, 13L);
        assertThat(truncated.message()).isEqualTo("the chain ends at entry 12 but the anchor of " + at15.time()
                + " names entry 15 > 12 with hash " + original.get(14).hash()
                + ": entries 13 to 15 were removed and the chain head moved back");

        // ... and written again from there: the anchored entry 15 now has another hash
        append(6);
        AuditVerification rewritten = verifier.verify();
        assertThat(rewritten).extracting(AuditVerification::problem, AuditVerification::badSeq)
                .containsExactly(Problem.ANCHOR_MISMATCH, 15L);
        assertThat(rewritten.message()).startsWith("entry 15 is not the entry the anchor of " + at15.time()
                + " names (hash " + original.get(14).hash() + " there, ");
        restore(original);
        assertThat(verifier.verify().valid()).as("restored byte for byte").isTrue();

        // the remaining limit: entries after the newest anchor can go undetected (the anchor period bounds them)
        truncateTo(15);
        assertThat(verifier.verify().valid()).as("entries 16-18 were written after the newest anchor").isTrue();
        restore(original);

        // the newest entry rewritten together with its hash and the head's: the anchor of it names the old hash
        AuditAnchor at18 = anchoring.anchor().orElseThrow();
        AuditEntry last = original.get(17);
        AuditEntry forged = AuditEntry.chained(18, last.recordedAt(), last.clientId(), last.role(), last.action(),
                last.target(), "{\"count\":0}", last.prevHash());
        store.jdbc.update("UPDATE hub_audit SET detail = ?, entry_hash = ? WHERE seq = 18", forged.detail(),
                forged.hash());
        store.jdbc.update("UPDATE hub_audit_head SET last_hash = ? WHERE id = 1", forged.hash());
        AuditVerification headRewritten = verifier.verify();
        assertThat(headRewritten).extracting(AuditVerification::problem, AuditVerification::badSeq)
                .containsExactly(Problem.ANCHOR_MISMATCH, 18L);
        assertThat(headRewritten.message()).isEqualTo("entry 18 is not the entry the anchor of " + at18.time()
                + " names (hash " + last.hash() + " there, " + forged.hash() + " here): the log was rewritten from"
                + " entry 18 on, or truncated and written again");
        restore(original);
        assertThat(verifier.verify().valid()).isTrue();

        // a line naming the hub's key without its signature; one signed with another key is left aside
        AuditAnchor other = AuditAnchor.signed(at18.time(), 99, at18.hash(),
                AuditAnchorKey.load("another key of at least 16", dir.resolve("none"), false).orElseThrow());
        appendLine(other.line());
        assertThat(verifier.verify().valid()).as("another key's anchor is not used").isTrue();
        appendLine(new AuditAnchor(at18.time(), 99, at18.hash(), at18.keyId(), "0".repeat(64)).line());
        AuditVerification fake = verifier.verify();
        assertThat(fake).extracting(AuditVerification::problem, AuditVerification::badSeq)
                .containsExactly(Problem.ANCHOR_FORGED, 99L);
        assertThat(fake.message()).isEqualTo("line 5 of " + anchors.file() + " names the hub's anchor key but its"
                + " signature does not match: the hub did not write it");
    }

    private void append(int entries) {
        for (int i = 0; i < entries; i++) {
            store.audit.record(AuditLog.HUB, AuditAction.LOGIN, "console", Map.of("i", i));
            store.clock.advance(Duration.ofSeconds(1));
        }
    }

    /** What someone with write access to the store does: deletes the newest entries and moves the head back. */
    private void truncateTo(long seq) {
        store.jdbc.update("DELETE FROM hub_audit WHERE seq > ?", seq);
        store.jdbc.update("UPDATE hub_audit_head SET last_seq = ?, last_hash = (SELECT entry_hash FROM hub_audit"
                + " WHERE seq = ?) WHERE id = 1", seq, seq);
    }

    private void restore(List<AuditEntry> entries) {
        store.jdbc.update("DELETE FROM hub_audit");
        for (AuditEntry e : entries) {
            store.jdbc.update("INSERT INTO hub_audit (seq, recorded_at, client_id, client_role, action, target, detail,"
                    + " prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?)", e.seq(), Timestamp.from(e.recordedAt()),
                    e.clientId(), e.role(), e.action(), e.target(), e.detail(), e.prevHash(), e.hash());
        }
        AuditEntry last = entries.get(entries.size() - 1);
        store.jdbc.update("UPDATE hub_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last.seq(),
                last.hash());
    }

    private void appendLine(String line) throws IOException {
        Files.writeString(anchors.file(), line + "\n", StandardOpenOption.APPEND);
    }
}
