package org.onex.hub.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiClients;
import org.onex.hub.policy.Role;
import org.onex.hub.schema.HubJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The departments' side of the bureau's decisions in the embedded default, one per channel
 * kind: 市场监管局 and 自然资源和规划局 have an inbox table in their databases (delivery-jdbc), 生态环境局
 * reads files from its SFTP server (delivery-sftp), 交通运输局 runs an HTTP endpoint (delivery-rest, a
 * real local HTTP server). Each "reads" what arrived after {@code hub.demo.ack-after} and acknowledges
 * it the way its channel allows: the ack column, an ack file, {@code POST /api/v1/deliveries/{id}/ack}.
 */
public final class DemoInboxes implements AutoCloseable {

    static final String INBOX_DDL = "CREATE TABLE IF NOT EXISTS hub_inbox (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " DELIVERY_KEY VARCHAR(80) NOT NULL UNIQUE, DELIVERY_ID BIGINT, RECORD_ID BIGINT, VERSION INT,"
            + " RECORD_TYPE VARCHAR(32), DOC_NO VARCHAR(200), SUBJECT_NAME VARCHAR(200), CREDIT_CODE VARCHAR(32),"
            + " DECISION_DATE DATE, FINE_WAN_YUAN DECIMAL(14,4), CONTENT VARCHAR(2000), EXECUTION_STATUS VARCHAR(32),"
            + " PAYLOAD CLOB, RECEIVED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP, ACK_AT TIMESTAMP)";
    private static final Logger LOG = LoggerFactory.getLogger(DemoInboxes.class);

    private final List<JdbcTemplate> tables;
    private final DemoFileDrops sftp;
    private final Environment env;
    private final Clock clock;
    private final Duration ackAfter;
    private final HttpServer rest;
    /** Delivery id → arrival, of the REST departments' inbox. */
    private final Map<Long, Arrival> received = new ConcurrentHashMap<>();
    /** Each REST department acknowledges with its own API key, made on first use. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final ApiClients clients;

    private record Arrival(Instant at, String department) {
    }
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoInboxes(Environment env, DemoFileDrops sftp, ApiClients clients, Clock clock) throws IOException {
        this.env = env;
        this.clients = clients;
        this.sftp = sftp;
        this.clock = clock;
        this.ackAfter = env.getProperty("hub.demo.ack-after", Duration.class, Duration.ofSeconds(20));
        this.tables = Stream.of("scjgj-db", "zrzyj-db").map(name -> new JdbcTemplate(new DriverManagerDataSource(
                env.getRequiredProperty("hub.datasources." + name + ".url"),
                env.getProperty("hub.datasources." + name + ".username", "sa"),
                env.getProperty("hub.datasources." + name + ".password", "")))).toList();
        int port = env.getRequiredProperty("hub.demo.rest-inbox.port", Integer.class);
        this.rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        rest.createContext("/inbox", exchange -> {
            JsonNode body = HubJson.mapper().readTree(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath(); // /inbox (jtysj), /inbox/jsj, /inbox/swj
            String department = path.equals("/inbox") ? "jtysj" : path.substring(path.lastIndexOf('/') + 1);
            received.putIfAbsent(body.path("deliveryId").asLong(), new Arrival(clock.instant(), department));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        rest.start();
        LOG.info("Demo HTTP inbox of department jtysj on http://127.0.0.1:{}/inbox", port);
    }

    public void seed() {
        tables.forEach(t -> t.execute(INBOX_DDL));
    }

    /** The departments take in what has arrived and acknowledge it. */
    public void tick() throws IOException, InterruptedException {
        Instant before = clock.instant().minus(ackAfter);
        for (JdbcTemplate t : tables) {
            t.update("UPDATE hub_inbox SET ACK_AT = CURRENT_TIMESTAMP WHERE ACK_AT IS NULL AND RECEIVED_AT < ?",
                    java.sql.Timestamp.from(before));
        }
        try (Stream<Path> files = Files.list(sftp.decisions())) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("decisions-.*\\.(json|csv)")).toList()) {
                Path ack = f.resolveSibling(f.getFileName() + ".ack");
                if (!Files.exists(ack) && Files.getLastModifiedTime(f).compareTo(FileTime.from(before)) < 0) {
                    Files.write(ack, new byte[0]);
                }
            }
        }
        String port = env.getProperty("local.server.port");
        for (Map.Entry<Long, Arrival> e : received.entrySet()) {
            if (port != null && e.getValue().at().isBefore(before)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/deliveries/" + e.getKey() + "/ack")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key(e.getValue().department()))
                        .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 409) {
                    received.remove(e.getKey());
                }
            }
        }
    }

    /** The department's demo key: client {@code demo-inbox-<dept>}, added on first use. */
    private String key(String department) {
        return keys.computeIfAbsent(department, d -> {
            String id = "demo-inbox-" + d;
            if (clients.find(id).isEmpty()) {
                clients.add(id, Role.DEPARTMENT, d, "Demo: " + d + "'s inbox acknowledging deliveries", AuditLog.HUB);
            }
            return clients.issue(id, AuditLog.HUB).key();
        });
    }

    @Override
    public void close() {
        rest.stop(0);
    }
}
