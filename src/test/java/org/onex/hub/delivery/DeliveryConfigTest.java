package org.onex.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException;
import org.onex.hub.registry.DepartmentRegistry;

/** The files IT teams write for deliveries (issue 4): matter table and inbox definitions, checked with file:line. */
class DeliveryConfigTest {

    private static final DepartmentRegistry REGISTRY = DepartmentRegistry.load(Path.of("config/departments.yaml"));

    @TempDir
    Path dir;

    @Test
    void theProjectsMatterTableLoadsAndRoutesEachCodeToAConsumerOfC3() {
        MatterTable table = MatterTable.load(Path.of("config/matters.yaml"), REGISTRY);
        assertThat(table.size()).isGreaterThanOrEqualTo(8);
        assertThat(table.department("330723-ZHZF-SCJG-001")).hasValue("scjgj");
        assertThat(table.department("NO-SUCH-CODE")).isEmpty();
        assertThat(table.department(null)).isEmpty();
    }

    @Test
    void aMissingMatterTableIsEmptySoDecisionsRouteByLicence() {
        assertThat(MatterTable.load(dir.resolve("matters.yaml"), REGISTRY).size()).isZero();
    }

    @Test
    void matterTableProblemsNameFileLineAndReason() throws IOException {
        Path file = dir.resolve("matters.yaml");
        Files.writeString(file, "matters:\n"
                + "  - { code: A-1, department: scjgj }\n"
                + "  - { code: A-1, department: sthjj }\n"
                + "  - { code: B-1, department: nosuch }\n"
                + "  - { code: C-1, department: zhzf }\n");
        assertThatThrownBy(() -> MatterTable.load(file, REGISTRY)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(p -> p.line() + ": " + p.reason()).containsExactly(
                    "3: matter code 'A-1' is listed twice",
                    "4: unknown department 'nosuch'",
                    "5: department zhzf does not consume C3 in config/departments.yaml (R-CATEGORIES)");
        });
    }

    @Test
    void theProjectsInboxDefinitionsLoad() {
        InboxDefinition inbox = InboxDefinition.load(Path.of("config/inboxes/scjgj.yaml"));
        assertThat(inbox.table()).isEqualTo("hub_inbox");
        assertThat(inbox.keyColumn()).isEqualTo("DELIVERY_KEY");
        assertThat(inbox.ackColumn()).isEqualTo("ACK_AT");
        assertThat(inbox.columns()).containsEntry("DOC_NO", "record.document.number");
    }

    @Test
    void inboxDefinitionRefusesUnsafeNamesUnknownValuesAndAKeyThatIsNotWritten() throws IOException {
        Path file = dir.resolve("inbox.yaml");
        Files.writeString(file, "table: \"inbox; DROP TABLE x\"\n"
                + "keyColumn: KEY_COL\n"
                + "columns:\n"
                + "  DOC_NO: record.document.number\n"
                + "  WHO: delivery.password\n");
        assertThatThrownBy(() -> InboxDefinition.load(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(p -> p.line() + ": " + p.reason()).containsExactly(
                        "1: expected a plain SQL name, found 'inbox; DROP TABLE x'",
                        "5: value 'delivery.password' is not delivery.<key|deliveryId|recordId|version|versionId"
                                + "|routeReason> or record[.path]",
                        "2: keyColumn KEY_COL is not among the columns"));
    }

    @Test
    void maxAttemptsBecomeRetriesAfterTheFirstAttempt() {
        RetriesFunction f = new RetriesFunction();
        assertThat(f.apply("8")).isEqualTo("7");
        assertThat(f.apply("1")).isEqualTo("0");
        assertThatThrownBy(() -> f.apply("0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> f.apply("many")).hasMessageContaining("not a whole number");
    }
}
