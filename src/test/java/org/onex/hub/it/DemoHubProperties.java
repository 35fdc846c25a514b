package org.onex.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings of a test run of the embedded default (the README's first command): a fresh data directory,
 * free ports for the demo SFTP server, REST inbox and Artemis acceptor, and demo periods short enough
 * for every department, delivery and deadline to show within a test's patience.
 */
final class DemoHubProperties {

    private DemoHubProperties() {
    }

    static void register(DynamicPropertyRegistry registry) {
        try {
            String dataDir = Files.createTempDirectory("hub-embedded").toString();
            int port = TestDatabases.freePort();
            registry.add("hub.data-dir", () -> dataDir);
            registry.add("hub.demo.period", () -> "300ms");
            registry.add("hub.demo.push-period", () -> "500ms");
            int sftpPort = TestDatabases.freePort();
            registry.add("hub.demo.sftp.port", () -> sftpPort);
            int restInboxPort = TestDatabases.freePort();
            registry.add("hub.demo.rest-inbox.port", () -> restInboxPort);
            registry.add("hub.demo.ack-after", () -> "1s");
            registry.add("hub.delivery.ack-period", () -> "500");
            registry.add("hub.deadline.scan-period", () -> "2000");
            registry.add("hub.deadline.scan-delay", () -> "1000");
            registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
