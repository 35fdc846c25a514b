package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.IngestBatch;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.RowOutcome;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.schema.HubJson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nothing is dropped silently: a row quarantined because its feed's mapping lacked a code is stored
 * by {@code POST /api/v1/quarantine/{id}/replay} once the mapping is fixed and the hub restarted.
 */
class QuarantineReplayIT {

    @Test
    void rowQuarantinedByABrokenMappingIsStoredByReplayAfterTheFix() throws Exception {
        Path work = Files.createTempDirectory("hub-replay");
        Path mappings = work.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("mappings"), mappings);
        Path codeLists = mappings.resolve("_codelists.yaml");
        String fixed = Files.readString(codeLists);
        Files.writeString(codeLists, fixed.replace("  \"06\": 其他\n", ""));
        assertThat(Files.readString(codeLists)).doesNotContain("\"06\"");

        long quarantineId;
        try (ConfigurableApplicationContext hub = start(work, mappings)) {
            RowOutcome outcome = hub.getBean(IngestService.class).ingest(batch("REPLAY-1")).rows().get(0);
            assertThat(outcome.status()).isEqualTo(RowOutcome.Status.QUARANTINED);
            assertThat(outcome.violations()).extracting(v -> v.rule()).containsExactly("MAPPING_CODE_UNKNOWN");
            quarantineId = outcome.quarantineId();

            // issue 18: a batch mapped ahead (outside the transaction, as a jdbc source reads ahead) goes through
            // the same checks and quarantine as one mapped in the transaction
            IngestService ingest = hub.getBean(IngestService.class);
            IngestBatch ahead = ingest.prepare(batch("REPLAY-2"));
            assertThat(ahead.prepared()).isNotNull();
            assertThat(ahead.prepared().results().get(0).errors()).extracting(v -> v.rule())
                    .containsExactly("MAPPING_CODE_UNKNOWN");
            RowOutcome aheadOutcome = ingest.ingest(ahead).rows().get(0);
            assertThat(aheadOutcome.status()).isEqualTo(RowOutcome.Status.QUARANTINED);
            assertThat(aheadOutcome.violations()).extracting(v -> v.rule()).containsExactly("MAPPING_CODE_UNKNOWN");
            assertThat(aheadOutcome.quarantineId()).isNotEqualTo(quarantineId);
        }

        Files.writeString(codeLists, fixed);
        try (ConfigurableApplicationContext hub = start(work, mappings)) {
            String base = "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port") + "/api/v1";
            String key = "Bearer " + TestClients.operator(hub);
            JsonNode replay = call(HttpRequest.newBuilder(URI.create(base + "/quarantine/" + quarantineId + "/replay")).header("Authorization", key)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(replay.get("outcome").asText()).isEqualTo("STORED");
            JsonNode record = call(HttpRequest.newBuilder(URI.create(base + "/records/" + replay.get("recordId").asLong())).header("Authorization", key)
                    .build());
            assertThat(record.at("/record/body/XK_XKLB").asText()).isEqualTo("其他");
            JsonNode resolved = call(HttpRequest.newBuilder(URI.create(base + "/quarantine?status=RESOLVED")).header("Authorization", key).build());
            assertThat(resolved.get("items").findValuesAsText("resolution")).anyMatch(r -> r.startsWith("replayed: record"));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static JsonNode call(HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HubJson.mapper().readTree(response.body());
    }

    private static IngestBatch batch(String key) {
        Random r = new Random(5);
        Map<String, Object> row = Map.of("XK_WSH", key, "XK_XDR_MC", SyntheticData.companyName(r),
                "XK_XDR_LB", "02", "XK_XDR_SHXYM", SyntheticData.creditCode(r), "XK_JDRQ", "2026-11-20",
                "XK_XKLB", "06", "UPDATED_AT", "2026-11-20T09:00:00");
        return new IngestBatch("scjgj", "licences", List.of(new SourceRow(row, "replay test")), null, Instant.now());
    }

    private static ConfigurableApplicationContext start(Path work, Path mappings) throws Exception {
        Files.createDirectories(work.resolve("routes"));
        return new SpringApplicationBuilder(HubApplication.class).run("--server.port=0", "--hub.demo.enabled=false",
                "--hub.data-dir=" + work.resolve("data"), "--hub.routes-dir=" + work.resolve("routes"),
                "--hub.mappings-dir=" + mappings, "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
    }
}
