package org.onex.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.AuditStores;
import org.onex.hub.demo.DemoClients;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/** Issue 6 item 7: the embedded default's demo clients, one per role, with keys shown once and kept in a file. */
class ApiClientsDemoTest {

    @TempDir
    Path dataDir;
    private AuditStores store;

    @BeforeEach
    void open() {
        store = AuditStores.h2();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstStartCreatesOneClientPerRoleAndShowsTheKeysOnce() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<ApiClientSecret> keys = new DemoClients(store.clients, dataDir).seed(new PrintStream(console, true,
                StandardCharsets.UTF_8));

        assertThat(keys).extracting(k -> store.clients.authenticate(k.key()).orElseThrow()).containsExactly(
                new Client("demo-bureau", Role.BUREAU, "zhzf"),
                new Client("demo-scjgj", Role.DEPARTMENT, "scjgj"),
                new Client("demo-zrzyj", Role.DEPARTMENT, "zrzyj"),
                new Client("demo-office", Role.OFFICE, null),
                new Client("demo-operator", Role.OPERATOR, null),
                new Client("demo-admin", Role.ADMIN, null));
        Path file = dataDir.resolve(DemoClients.FILE);
        String text = Files.readString(file);
        String printed = console.toString(StandardCharsets.UTF_8);
        for (ApiClientSecret k : keys) {
            assertThat(text).contains(k.key());
            assertThat(printed).contains(k.key());
        }
        assertThat(printed).contains("=".repeat(100)).contains(file.toAbsolutePath().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.audit.page(0, 100)).filteredOn(e -> e.action().equals(AuditAction.KEY_ISSUED)).hasSize(6)
                .allSatisfy(e -> assertThat(e.clientId()).isEqualTo("hub"));
    }

    @Test
    void laterStartsCreateAndPrintNothing() {
        new DemoClients(store.clients, dataDir).seed(new PrintStream(new ByteArrayOutputStream()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        assertThat(new DemoClients(store.clients, dataDir).seed(new PrintStream(console))).isEmpty();
        assertThat(console.size()).isZero();
        assertThat(store.clients.list()).hasSize(6);
    }

    @Test
    void anExistingClientMeansNoDemoClients() {
        store.clients.add("prod-admin", Role.ADMIN, null, "the admin", AuditLog.HUB);

        assertThat(new DemoClients(store.clients, dataDir).seed(new PrintStream(new ByteArrayOutputStream())))
                .isEmpty();
        assertThat(store.clients.list()).extracting(ApiClient::id).containsExactly("prod-admin");
        assertThat(dataDir.resolve(DemoClients.FILE)).doesNotExist();
    }
}
