package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onex.hub.HubApplication;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClientKey;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.auth.TestCertificates;
import org.onex.hub.policy.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 6 item 3, its optional part: TLS client certificates mapped to clients. The hub serves HTTPS with
 * {@code server.ssl.client-auth=want} and a trust store holding the county CA that issues the departments'
 * certificates; the CA, the server's and the clients' certificates are issued here for the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateIT {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final ObjectMapper mapper = new ObjectMapper();
    private Path work;
    private ConfigurableApplicationContext hub;
    private ApiClients clients;
    private String base;
    private KeyPair caKey;
    private X509Certificate ca;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("hub-client-certs");
        Files.createDirectories(work.resolve("routes"));
        caKey = TestCertificates.keyPair();
        ca = TestCertificates.authority("CN=Test County CA,O=OneX hub tests", caKey);
        KeyPair serverKey = TestCertificates.keyPair();
        X509Certificate server = TestCertificates.server(serverKey, ca, caKey.getPrivate());
        Path keyStore = store(work.resolve("server.p12"), serverKey.getPrivate(), server, ca);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("county-ca", ca);
        Path trustStore = work.resolve("trust.p12");
        try (var out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD);
        }
        hub = new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE",
                "--server.ssl.enabled=true", "--server.ssl.key-store=file:" + keyStore,
                "--server.ssl.key-store-type=PKCS12", "--server.ssl.key-store-password=changeit",
                "--server.ssl.client-auth=want", "--server.ssl.trust-store=file:" + trustStore,
                "--server.ssl.trust-store-type=PKCS12", "--server.ssl.trust-store-password=changeit");
        clients = hub.getBean(ApiClients.class);
        base = "https://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
    }

    @AfterAll
    void stop() {
        hub.close();
        FileSystemUtils.deleteRecursively(work.toFile());
    }

    @Test
    void aMappedCertificateActsAsItsDepartmentClient() throws Exception {
        clients.add("gw-scjgj", Role.DEPARTMENT, "scjgj", "scjgj's gateway", AuditLog.HUB);
        KeyPair key = TestCertificates.keyPair();
        X509Certificate certificate = clientCertificate("CN=gw-scjgj,OU=scjgj", key);
        ApiClientKey mapped = clients.mapCertificate("gw-scjgj", certificate, AuditLog.HUB);
        assertThat(mapped.kind()).isEqualTo(ApiClientKey.CERTIFICATE);
        assertThat(mapped.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
        HttpClient gateway = client(key, certificate);

        assertThat(get(gateway, "/quarantine").statusCode()).as("its own quarantine").isEqualTo(200);
        HttpResponse<String> other = get(gateway, "/quarantine?department=zrzyj");
        assertThat(other.statusCode()).as("a department sees only its own rows").isEqualTo(403);
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT client_id FROM hub_audit WHERE action = ? ORDER BY seq DESC",
                String.class, AuditAction.POLICY_DENIED)).first().isEqualTo("gw-scjgj");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_audit WHERE action = ? AND target = ?",
                Integer.class, AuditAction.CERTIFICATE_MAPPED, "gw-scjgj")).isEqualTo(1);
    }

    @Test
    void anotherCertificateOfTheSameSubjectNeedsItsOwnMapping() throws Exception {
        clients.add("gw-zrzyj", Role.DEPARTMENT, "zrzyj", "zrzyj's gateway", AuditLog.HUB);
        KeyPair key = TestCertificates.keyPair();
        clients.mapCertificate("gw-zrzyj", clientCertificate("CN=gw-zrzyj,OU=zrzyj", key), AuditLog.HUB);
        X509Certificate renewed = clientCertificate("CN=gw-zrzyj,OU=zrzyj", key);

        HttpResponse<String> refused = get(client(key, renewed), "/quarantine");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(detail(refused)).contains(renewed.getSubjectX500Principal().getName()).contains(ApiClients.fingerprint(renewed))
                .contains("not mapped to a client");
    }

    @Test
    void revokingTheMappingRefusesTheCertificateAtOnce() throws Exception {
        clients.add("gw-sthjj", Role.DEPARTMENT, "sthjj", "sthjj's gateway", AuditLog.HUB);
        KeyPair key = TestCertificates.keyPair();
        X509Certificate certificate = clientCertificate("CN=gw-sthjj,OU=sthjj", key);
        ApiClientKey mapped = clients.mapCertificate("gw-sthjj", certificate, AuditLog.HUB);
        HttpClient gateway = client(key, certificate);
        assertThat(get(gateway, "/quarantine").statusCode()).isEqualTo(200);

        assertThat(clients.revoke(mapped.keyId(), AuditLog.HUB)).isEqualTo(1);
        assertThat(get(gateway, "/quarantine").statusCode()).isEqualTo(401);
    }

    @Test
    void keysStillWorkOverTlsAndNeitherKeyNorCertificateIs401() throws Exception {
        HttpClient anonymous = client(null, null);
        assertThat(get(anonymous, "/quarantine").statusCode()).isEqualTo(401);
        String key = TestClients.key(hub, "tls-operator", Role.OPERATOR, null);
        HttpResponse<String> withKey = anonymous.send(HttpRequest.newBuilder(URI.create(base + "/quarantine"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRotationLeavesTheClientsCertificateAlone() throws Exception {
        clients.add("gw-jtysj", Role.DEPARTMENT, "jtysj", "jtysj's gateway", AuditLog.HUB);
        clients.issue("gw-jtysj", AuditLog.HUB);
        KeyPair key = TestCertificates.keyPair();
        X509Certificate certificate = clientCertificate("CN=gw-jtysj,OU=jtysj", key);
        clients.mapCertificate("gw-jtysj", certificate, AuditLog.HUB);
        clients.rotate("gw-jtysj", Duration.ZERO, AuditLog.HUB);
        assertThat(get(client(key, certificate), "/quarantine").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String detail(HttpResponse<String> response) throws Exception {
        JsonNode body = mapper.readTree(response.body());
        return body.path("detail").asText();
    }

    /** An HTTPS client trusting the test CA, presenting the certificate if one is given. */
    private HttpClient client(KeyPair key, X509Certificate certificate) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("county-ca", ca);
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        if (certificate == null) {
            tls.init(null, trust.getTrustManagers(), null);
        } else {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            own.setKeyEntry("client", key.getPrivate(), PASSWORD, new Certificate[] { certificate, ca });
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, PASSWORD);
            tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        }
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private X509Certificate clientCertificate(String subject, KeyPair key) throws Exception {
        return TestCertificates.client(subject, key, ca, caKey.getPrivate());
    }

    private static Path store(Path file, PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("hub", key, PASSWORD, chain);
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
