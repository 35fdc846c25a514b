package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onex.hub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 12 item 3 keeps the demo valid: the demo's market-supervision licences and the bureau's penalty decisions
 * now carry the legal representative's certificate (XK_FR_ZJLX/XK_FR_ZJHM, CF_FR_ZJLX/CF_FR_ZJHM), every number
 * is checked, and none of them sends a row to the quarantine.
 */
class DemoIdentifiersIT {

    @Test
    void theDemosLegalRepresentativesAreStoredAndNoneIsQuarantined() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "hub-demo-ids").toAbsolutePath();
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0", "--hub.data-dir=" + data, "--hub.demo.period=300ms", "--hub.demo.push-period=5s",
                "--hub.demo.sftp.port=" + TestDatabases.freePort(),
                "--hub.demo.rest-inbox.port=" + TestDatabases.freePort(),
                "--spring.artemis.embedded.persistent=false",
                "--hub.artemis.acceptor-url=tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE")) {
            JdbcTemplate store = hub.getBean(JdbcTemplate.class);
            // enough licences and decisions with a legal representative's certificate in the current versions
            await().atMost(Duration.ofSeconds(120)).until(() -> count(store, "scjgj", "licences") >= 20
                    && count(store, "zhzf", "penalties") >= 5);

            List<Map<String, Object>> failures = store.queryForList("SELECT q.department, q.feed, f.field, f.rule"
                    + " FROM hub_quarantine q JOIN hub_quarantine_failure f ON f.quarantine_id = q.id"
                    + " WHERE f.field LIKE 'subject.%IdNumber' OR f.field = 'subject.idNumber'");
            assertThat(failures).as("no demo row is quarantined for a certificate number").isEmpty();
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    /** Stored versions of the feed whose envelope carries a valid legal representative's ID number. */
    private static int count(JdbcTemplate store, String department, String feed) {
        List<String> records = store.queryForList("SELECT envelope FROM hub_record_version WHERE department = ?"
                + " AND feed = ?", String.class, department, feed);
        return (int) records.stream().filter(json -> json.contains("\"legalRepresentativeIdNumber\":\"330723")
                && json.contains("\"legalRepresentativeIdType\":\"RESIDENT_ID\"")).count();
    }
}
