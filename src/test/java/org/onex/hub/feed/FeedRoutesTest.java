package org.onex.hub.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.SourceRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Route test of the feed (DESIGN.md "publish after commit"): a committed version reaches its category's
 * topic once with the selector properties and the duplicate-detection id; a rolled-back one never does.
 * The topics are replaced by a mock; the store is the embedded H2.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(properties = { "hub.demo.enabled=false", "spring.artemis.embedded.persistent=false",
        "hub.artemis.acceptor-url=vm://0" })
class FeedRoutesTest {

    @Autowired
    CamelContext camel;
    @Autowired
    IngestService ingest;
    @Autowired
    TransactionTemplate tx;
    @EndpointInject("mock:published")
    MockEndpoint published;

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("feed-routes-test");
        Files.createDirectories(dir.resolve("routes"));
        registry.add("hub.data-dir", dir::toString);
        registry.add("hub.routes-dir", () -> dir.resolve("routes").toString());
    }

    @BeforeEach
    void advise() throws Exception {
        if (camel.getStatus().isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, "feed-publisher",
                a -> a.weaveByToUri("jms:topic:hub.feed.*").replace().to("mock:published"));
        camel.start();
    }

    @Test
    void committedVersionIsPublishedOnceWithItsProperties() throws Exception {
        published.reset();
        published.expectedMessageCount(1);
        published.expectedHeaderReceived(FeedHeaders.CATEGORY, "C2");
        published.expectedHeaderReceived(FeedHeaders.RECORD_TYPE, "LICENCE");
        published.expectedHeaderReceived(FeedHeaders.DEPARTMENT, "scjgj");
        var result = ingest.ingest(batch("FEED-TEST-1"));
        published.assertIsSatisfied();
        String versionId = published.getExchanges().get(0).getMessage().getHeader(FeedHeaders.VERSION_ID, String.class);
        org.assertj.core.api.Assertions.assertThat(published.getExchanges().get(0).getMessage()
                .getHeader(FeedHeaders.DUPLICATE_ID)).isEqualTo(versionId);
        org.assertj.core.api.Assertions.assertThat(result.rows().get(0).version()).isEqualTo(1);
    }

    @Test
    void rolledBackIngestPublishesNothing() throws Exception {
        published.reset();
        published.expectedMessageCount(1);
        tx.executeWithoutResult(status -> {
            ingest.ingest(batch("FEED-TEST-ROLLBACK"));
            status.setRollbackOnly();
        });
        // A later committed version is published; the rolled-back one never appears before or after it.
        ingest.ingest(batch("FEED-TEST-2"));
        published.assertIsSatisfied();
        org.assertj.core.api.Assertions.assertThat(published.getExchanges().get(0).getMessage().getBody(String.class))
                .contains("FEED-TEST-2").doesNotContain("FEED-TEST-ROLLBACK");
    }

    private static IngestBatch batch(String documentNumber) {
        java.util.Random r = new java.util.Random(documentNumber.hashCode());
        Map<String, Object> row = Map.of("XK_WSH", documentNumber, "XK_XDR_MC", SyntheticData.companyName(r),
                "XK_XDR_LB", "02", "XK_XDR_SHXYM", SyntheticData.creditCode(r), "XK_JDRQ", "2026-11-20",
                "XK_XKLB", "01", "UPDATED_AT", "2026-11-20T09:00:00");
        return new IngestBatch("scjgj", "licences", List.of(new SourceRow(row, "test")), null, Instant.now());
    }
}
