package org.onex.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditStores;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.auth.TestCertificates;
import org.onex.hub.policy.Client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 6 items 3-4: {@code clients} and {@code audit-verify} on a hub store given by {@code --datasource-url}
 * (an H2 file here, as the embedded default's), with exit codes and output an admin or a script relies on.
 */
class AuditCommandTest {

    private static final Pattern KEY = Pattern.compile("hub_[A-Za-z0-9_-]{43}");

    @TempDir
    Path dir;

    @Test
    void clientsAreManagedAndTheAuditChainVerifiedFromTheCommandLine() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub-store") + AuditStores.H2_FLAGS;

        Run fresh = verify("--datasource-url", url, "--hub.data-dir=" + dir);
        assertThat(fresh.code).as("no schema yet").isEqualTo(2);
        assertThat(fresh.err).startsWith("audit-verify: cannot verify: ");

        Run added = clients("add", "scjgj-app", "--role", "department", "--department", "scjgj", "--name", "市场监管局",
                "--datasource-url", url);
        assertThat(added.code).as(added.err).isZero();
        assertThat(added.out).contains("added client scjgj-app (DEPARTMENT, scjgj)");
        List<String> firstKeys = keys(added.out);
        assertThat(firstKeys).hasSize(1);

        Run unknown = clients("add", "x-app", "--role", "department", "--department", "nowhere", "--datasource-url", url);
        assertThat(unknown.code).isEqualTo(1);
        assertThat(unknown.err).contains("department 'nowhere' is not in config");

        Run rotated = clients("rotate", "scjgj-app", "--overlap", "0", "--datasource-url", url);
        assertThat(rotated.code).as(rotated.err).isZero();
        List<String> secondKeys = keys(rotated.out);
        assertThat(secondKeys).hasSize(1).doesNotContainAnyElementsOf(firstKeys);

        Run list = clients("list", "--datasource-url", url);
        assertThat(list.out).contains("scjgj-app").contains("EXPIRED").contains("ACTIVE").contains("1 client");
        assertThat(keys(list.out)).as("a list never shows keys").isEmpty();

        try (AuditStores store = AuditStores.at(url, "sa")) {
            store.clock.set(java.time.Instant.now()); // the command ran on the system clock
            assertThat(store.clients.authenticate(secondKeys.get(0))).map(Client::id).contains("scjgj-app");
            assertThat(store.clients.authenticate(firstKeys.get(0))).as("rotated without overlap").isEmpty();
            assertThat(store.audit.page(0, 10)).extracting(AuditEntry::action).containsExactly(
                    AuditAction.CLIENT_ADDED, AuditAction.KEY_ISSUED, AuditAction.KEY_ROTATED);
            assertThat(store.audit.page(0, 10).get(0).clientId()).startsWith("cli:");
        }

        Run valid = verify("--datasource-url", url, "--hub.data-dir=" + dir);
        assertThat(valid.code).as(valid.err).isZero();
        assertThat(valid.out).startsWith("audit chain valid: 3 entries from 1 to 3");

        try (AuditStores store = AuditStores.at(url, "sa")) {
            store.jdbc.update("UPDATE hub_audit SET detail = '{}' WHERE seq = 2");
        }
        Run broken = verify("--datasource-url", url, "--hub.data-dir=" + dir);
        assertThat(broken.code).isEqualTo(1);
        assertThat(broken.out.strip()).isEqualTo("audit chain BROKEN: entry 2 was altered (hash does not match its"
                + " content)");
        JsonNode json = new ObjectMapper().readTree(verify("--json", "--datasource-url", url, "--hub.data-dir=" + dir).out);
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("badSeq").asLong()).isEqualTo(2);
        assertThat(json.get("problem").asText()).isEqualTo("ALTERED");

        Run revoked = clients("revoke", "scjgj-app", "--datasource-url", url);
        assertThat(revoked.out).contains("revoked 1 key(s) of scjgj-app");
    }

    @Test
    void aClientCertificateIsMappedFromItsPemFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub-store") + AuditStores.H2_FLAGS;
        assertThat(clients("add", "scjgj-gw", "--role", "department", "--department", "scjgj", "--datasource-url", url)
                .code).isZero();
        java.security.KeyPair caKey = TestCertificates.keyPair();
        java.security.cert.X509Certificate ca = TestCertificates.authority("CN=County CA", caKey);
        java.security.KeyPair key = TestCertificates.keyPair();
        java.security.cert.X509Certificate certificate = TestCertificates.client("CN=scjgj-gw,OU=scjgj", key, ca,
                caKey.getPrivate());
        Path pem = java.nio.file.Files.writeString(dir.resolve("scjgj-gw.pem"), TestCertificates.pem(certificate));

        Run mapped = clients("map-certificate", "scjgj-gw", pem.toString(), "--datasource-url", url);
        assertThat(mapped.code).as(mapped.err).isZero();
        assertThat(mapped.out).contains("mapped kid_").contains(ApiClients.fingerprint(certificate))
                .contains("clients revoke kid_");
        assertThat(clients("list", "--datasource-url", url).out).contains("certificate OU=scjgj,CN=scjgj-gw ACTIVE");
        Run again = clients("map-certificate", "scjgj-gw", pem.toString(), "--datasource-url", url);
        assertThat(again.code).isEqualTo(1);
        assertThat(again.err).contains("is mapped to client 'scjgj-gw' already");
        Run notPem = clients("map-certificate", "scjgj-gw", dir.resolve("missing.pem").toString(), "--datasource-url",
                url);
        assertThat(notPem.code).isEqualTo(1);
        assertThat(notPem.err).contains("cannot read a certificate from");

        try (AuditStores store = AuditStores.at(url, "sa")) {
            store.clock.set(java.time.Instant.now());
            assertThat(store.clients.authenticateCertificate(certificate)).map(Client::id).contains("scjgj-gw");
            assertThat(store.clients.authenticateCertificate(TestCertificates.client("CN=scjgj-gw,OU=scjgj", key, ca,
                    caKey.getPrivate()))).as("a renewed certificate needs its own mapping").isEmpty();
            assertThat(store.audit.page(0, 10)).extracting(AuditEntry::action).contains(AuditAction.CERTIFICATE_MAPPED);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(clients("frobnicate", "x").code).isEqualTo(2);
        assertThat(clients().err).contains("clients: what to do?").contains("usage: clients add");
        assertThat(clients("add", "x", "--colour", "red").err).contains("unknown option --colour");
        assertThat(verify("--datasource-url").err).contains("--datasource-url needs a value");
        assertThat(verify("extra").code).isEqualTo(2);
    }

    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group());
        }
        return keys;
    }

    private static Run verify(String... args) {
        return run(args, true);
    }

    private static Run clients(String... args) {
        return run(args, false);
    }

    private static Run run(String[] args, boolean verify) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = verify ? AuditCommand.verify(args, o, e) : ApiClientsCommand.run(args, o, e);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
