package org.onex.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditEntry;
import org.onex.hub.audit.AuditStores;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;

/** Issue 6 item 3: API keys are stored hashed, rotate with an overlap, and a revocation takes effect at once. */
class ApiClientsTest {

    private final Client admin = new Client("admin-wang", Role.ADMIN, null);
    private AuditStores store;
    private ApiClients clients;

    @BeforeEach
    void open() {
        store = AuditStores.h2();
        clients = store.clients;
        clients.add("scjgj-app", Role.DEPARTMENT, "scjgj", "市场监管局 system", admin);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anIssuedKeyAuthenticatesItsClient() {
        ApiClientSecret secret = clients.issue("scjgj-app", admin);

        assertThat(secret.key()).matches("hub_[A-Za-z0-9_-]{43}");
        assertThat(secret.keyId()).startsWith("kid_");
        assertThat(secret.toString()).doesNotContain(secret.key());
        assertThat(clients.authenticate(secret.key())).contains(new Client("scjgj-app", Role.DEPARTMENT, "scjgj"));
        assertThat(clients.authenticate(secret.key() + "x")).isEmpty();
        assertThat(clients.authenticate("")).isEmpty();
        assertThat(clients.authenticate(null)).isEmpty();
        assertThat(clients.issue("scjgj-app", admin).key()).as("keys are random").isNotEqualTo(secret.key());
    }

    @Test
    void theStoreNeverHoldsTheKeyOnlyItsHash() {
        ApiClientSecret secret = clients.issue("scjgj-app", admin);
        ApiClientSecret rotated = clients.rotate("scjgj-app", Duration.ofDays(1), admin);

        for (String table : List.of("hub_client", "hub_client_key", "hub_audit", "hub_audit_head")) {
            for (Map<String, Object> row : store.jdbc.queryForList("SELECT * FROM " + table)) {
                assertThat(row.values().toString()).as(table).doesNotContain(secret.key().substring(4))
                        .doesNotContain(rotated.key().substring(4));
            }
        }
        assertThat(store.jdbc.queryForObject("SELECT key_hash FROM hub_client_key WHERE key_id = ?", String.class,
                secret.keyId())).isEqualTo(AuditEntry.sha256(secret.key()));
    }

    @Test
    void afterARotationTheOldKeyWorksUntilTheOverlapEnds() {
        ApiClientSecret old = clients.issue("scjgj-app", admin);
        ApiClientSecret fresh = clients.rotate("scjgj-app", Duration.ofDays(7), admin);

        assertThat(fresh.previousValidUntil()).isEqualTo(store.clock.instant().plus(Duration.ofDays(7)));
        assertThat(clients.authenticate(old.key())).isPresent();
        assertThat(clients.authenticate(fresh.key())).isPresent();
        store.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(clients.authenticate(old.key())).as("inside the overlap").isPresent();
        store.clock.advance(Duration.ofSeconds(1));
        assertThat(clients.authenticate(old.key())).as("at the end of the overlap").isEmpty();
        assertThat(clients.authenticate(fresh.key())).isPresent();

        // both keys were made at the same instant, so their listed order is not part of the contract
        assertThat(clients.find("scjgj-app").orElseThrow().keys()).extracting(ApiClientKey::keyId,
                k -> k.status(store.clock.instant())).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(old.keyId(), ApiClientKey.Status.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple(fresh.keyId(), ApiClientKey.Status.ACTIVE));
    }

    @Test
    void aRotationNeverExtendsAnOverlapAlreadyRunning() {
        ApiClientSecret first = clients.issue("scjgj-app", admin);
        clients.rotate("scjgj-app", Duration.ofDays(1), admin);
        clients.rotate("scjgj-app", Duration.ofDays(30), admin);

        store.clock.advance(Duration.ofDays(2));
        assertThat(clients.authenticate(first.key())).isEmpty();
    }

    @Test
    void aRotationWithoutOverlapRefusesTheOldKeyAtOnce() {
        ApiClientSecret old = clients.issue("scjgj-app", admin);
        ApiClientSecret fresh = clients.rotate("scjgj-app", Duration.ZERO, admin);

        assertThat(clients.authenticate(old.key())).isEmpty();
        assertThat(clients.authenticate(fresh.key())).isPresent();
        assertThatThrownBy(() -> clients.rotate("scjgj-app", Duration.ofDays(-1), admin))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevocationIsRefusedByTheVeryNextRequest() {
        ApiClientSecret one = clients.issue("scjgj-app", admin);
        ApiClientSecret two = clients.issue("scjgj-app", admin);
        assertThat(clients.authenticate(one.key())).isPresent();

        assertThat(clients.revoke(one.keyId(), admin)).isEqualTo(1);
        assertThat(clients.authenticate(one.key())).isEmpty();
        assertThat(clients.authenticate(two.key())).as("only that key").isPresent();

        assertThat(clients.revoke("scjgj-app", admin)).isEqualTo(1);
        assertThat(clients.authenticate(two.key())).isEmpty();
        assertThat(clients.revoke("scjgj-app", admin)).as("nothing left to revoke").isZero();
        assertThat(clients.find("scjgj-app").orElseThrow().keys()).extracting(k -> k.status(store.clock.instant()))
                .containsOnly(ApiClientKey.Status.REVOKED);
    }

    @Test
    void aDisabledClientIsRefusedWhateverItsKeys() {
        ApiClientSecret key = clients.issue("scjgj-app", admin);
        assertThat(clients.setEnabled("scjgj-app", false, admin)).isTrue();
        assertThat(clients.authenticate(key.key())).isEmpty();
        assertThat(clients.setEnabled("scjgj-app", false, admin)).isFalse();
        clients.setEnabled("scjgj-app", true, admin);
        assertThat(clients.authenticate(key.key())).isPresent();
    }

    @Test
    void everyChangeIsAuditedWithItsActor() {
        ApiClientSecret key = clients.issue("scjgj-app", admin);
        ApiClientSecret next = clients.rotate("scjgj-app", Duration.ofHours(1), admin);
        clients.revoke(next.keyId(), admin);

        List<AuditEntry> log = store.audit.page(0, 10);
        assertThat(log).extracting(AuditEntry::action).containsExactly(AuditAction.CLIENT_ADDED,
                AuditAction.KEY_ISSUED, AuditAction.KEY_ROTATED, AuditAction.KEY_REVOKED);
        assertThat(log).extracting(AuditEntry::clientId, AuditEntry::role, AuditEntry::target).containsOnly(
                org.assertj.core.groups.Tuple.tuple("admin-wang", "ADMIN", "scjgj-app"));
        assertThat(log.get(1).detail()).isEqualTo("{\"keyId\":\"" + key.keyId() + "\"}");
        assertThat(log.get(2).detail()).contains("\"previousKeys\":[\"" + key.keyId() + "\"]");
        assertThat(log.get(3).detail()).isEqualTo("{\"keyIds\":[\"" + next.keyId() + "\"]}");
        assertThat(store.verifier.verify().valid()).isTrue();
    }

    @Test
    void invalidClientsAreRefusedWithAReason() {
        assertThatThrownBy(() -> clients.add("zrzyj-app", Role.DEPARTMENT, null, null, admin))
                .hasMessage("department client 'zrzyj-app' needs a department code");
        assertThatThrownBy(() -> clients.add("ops-app", Role.OPERATOR, "scjgj", null, admin))
                .hasMessage("an OPERATOR client acts for no unit (got department 'scjgj')");
        assertThat(clients.add("office-app", Role.OFFICE, "ldxzbgs", null, admin).department()).isEqualTo("ldxzbgs");
        assertThatThrownBy(() -> clients.add("Bad_Id", Role.ADMIN, null, null, admin))
                .hasMessageStartingWith("client id 'Bad_Id' must be");
        assertThatThrownBy(() -> clients.add("hub", Role.ADMIN, null, null, admin))
                .hasMessageStartingWith("client id 'hub' must be");
        assertThatThrownBy(() -> clients.add("scjgj-app", Role.DEPARTMENT, "scjgj", null, admin))
                .hasMessage("client 'scjgj-app' exists already");
        assertThatThrownBy(() -> clients.issue("nobody", admin)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no client 'nobody'");
        assertThatThrownBy(() -> clients.revoke("kid_nothing", admin)).isInstanceOf(NoSuchElementException.class);
        assertThat(clients.list()).extracting(ApiClient::id).containsExactly("office-app", "scjgj-app");
        assertThat(clients.find("scjgj-app")).map(ApiClient::client)
                .isEqualTo(Optional.of(new Client("scjgj-app", Role.DEPARTMENT, "scjgj")));
    }
}
