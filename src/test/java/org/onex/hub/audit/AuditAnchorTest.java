package org.onex.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.cli.AuditCommand;

/**
 * Issue 13 item 7 on the embedded default's store (H2): the audit head anchored outside the store, and
 * verification reporting a truncation or a rewrite up to the newest anchor ({@link AuditAnchorScenarios}; the
 * same on PostgreSQL in {@link AuditPostgresIT}), also from the {@code audit-verify} command.
 */
class AuditAnchorTest {

    @TempDir
    Path dir;

    @Test
    void truncationsAndRewritesUpToTheNewestAnchorAreNamed() throws Exception {
        try (AuditStores store = AuditStores.h2()) {
            new AuditAnchorScenarios(store, dir).run();
        }
    }

    @Test
    void theCommandReadsTheAnchorFileOfTheDataDirectory() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub-store") + AuditStores.H2_FLAGS;
        try (AuditStores store = AuditStores.at(url, "sa")) {
            for (int i = 0; i < 4; i++) {
                store.audit.record(AuditLog.HUB, AuditAction.LOGIN, "console", Map.of("i", i));
            }
            AuditAnchors anchors = new AuditAnchors(new AuditAnchorProperties(java.time.Duration.ofMinutes(5), "", "",
                    ""), dir.toString());
            new AuditAnchoring(anchors, new AuditVerifier(store.jdbc, anchors), store.clock).anchor().orElseThrow();
            store.jdbc.update("DELETE FROM hub_audit WHERE seq > 2");
            store.jdbc.update("UPDATE hub_audit_head SET last_seq = 2, last_hash = (SELECT entry_hash FROM hub_audit"
                    + " WHERE seq = 2) WHERE id = 1");
        }
        assertThat(Files.readString(dir.resolve("audit-anchors.log"))).startsWith("onex-audit-anchor-v1 time=");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.verify(new String[] { "--datasource-url", url, "--hub.data-dir=" + dir },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("audit chain BROKEN: the chain ends at entry 2 but"
                + " the anchor of ").contains("names entry 4 > 2 with hash ");
    }
}
