package org.onex.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/route-templates.md is generated from the templates' parameter contracts (issue 14 item 2): one declaration
 * for Camel, {@code validate} and the documentation. When a contract changes, this test fails and leaves the
 * current text in target/route-templates.md to copy over.
 */
class RouteTemplatesDocTest {

    @Test
    void theDocumentedParameterTablesAreTheContracts() throws IOException {
        String generated = TemplateContracts.markdown();
        Path documented = Path.of("docs/route-templates.md");
        String current = Files.exists(documented) ? Files.readString(documented, StandardCharsets.UTF_8) : "";
        if (!current.equals(generated)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/route-templates.md"), generated, StandardCharsets.UTF_8);
        }
        assertThat(current).as("docs/route-templates.md is out of date: cp target/route-templates.md docs/")
                .isEqualTo(generated);
    }

    @Test
    void everyParameterIsDocumentedWithItsTypeDefaultAndWhetherItIsSecret() {
        String md = TemplateContracts.markdown();
        for (var contract : TemplateContracts.ALL) {
            assertThat(md).contains("## `" + contract.id() + "`");
            contract.parameters().forEach(p -> assertThat(md).contains("| `" + p.name() + "` | " + p.type().label()
                    + (p.secret() ? ", secret" : "") + " | "));
        }
        assertThat(md).contains("| `authValue` | text, secret |  |  | Value of authHeader, given as {{env:VARIABLE}} |");
        assertThat(md).contains("| `table` | text |  | one of `table`, `query` |");
        assertThat(md).contains("| `pollInterval` | duration | `10s` |  | Time between polls |");
    }
}
