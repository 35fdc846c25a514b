package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException;
import org.onex.hub.registry.RegistryConfiguration;
import org.onex.hub.schema.Category;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The sharing policy is loaded at start-up from {@code hub.config-dir} and checked against the registry: a broken
 * file stops the start with file, line and key; a missing file shares nothing (default deny).
 */
class SharingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RegistryConfiguration.class, SharingConfiguration.class, SharingEnforcer.class);

    @TempDir
    Path dir;

    @Test
    void theProjectsPolicyIsLoadedAndTheEnforcerUsesIt() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            SharingEnforcer enforcer = ctx.getBean(SharingEnforcer.class);
            assertThat(enforcer.policy().file()).isEqualTo(Path.of("config", SharingPolicy.FILE));
            assertThat(enforcer.receivable(SharingFixtures.JTYSJ)).containsExactlyInAnyOrder(Category.C1, Category.C3, Category.C7);
        });
    }

    @Test
    void aBrokenPolicyFailsTheStartWithFileLineAndKey() throws IOException {
        Files.copy(Path.of("config/departments.yaml"), dir.resolve("departments.yaml"));
        Files.writeString(dir.resolve(SharingPolicy.FILE), Files.readString(Path.of("config", SharingPolicy.FILE))
                .replace("consumers: { bureau: all }\n", "consumers: { bureau: everything }\n"));

        context.withPropertyValues("hub.config-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(ConfigException.class)
                    .hasMessageContaining(dir.resolve(SharingPolicy.FILE) + ":")
                    .hasMessageContaining(".consumers.bureau: 'everything' is not one of all, own");
        });
    }

    @Test
    void aRegistryThatContradictsThePolicyFailsTheStart() throws IOException {
        String registry = Files.readString(Path.of("config/departments.yaml"));
        String fgj = "nameEn: County Development and Reform Bureau\n";
        int at = registry.indexOf("consumes: [C1, C3, C7]", registry.indexOf(fgj));
        // fgj (a department) asks for the other departments' decisions (C2), which the policy never grants
        Files.writeString(dir.resolve("departments.yaml"), registry.substring(0, at) + "consumes: [C1, C2, C3, C7]"
                + registry.substring(at + "consumes: [C1, C3, C7]".length()));
        Files.copy(Path.of("config", SharingPolicy.FILE), dir.resolve(SharingPolicy.FILE));

        context.withPropertyValues("hub.config-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(dir.resolve("departments.yaml") + ":")
                    .hasMessageContaining("fgj (department) consumes C2, but config/sharing-policy.yaml"
                            .replace("config/", dir + "/"));
        });
    }

    @Test
    void aMissingPolicySharesNothing() throws IOException {
        Files.copy(Path.of("config/departments.yaml"), dir.resolve("departments.yaml"));

        context.withPropertyValues("hub.config-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            SharingEnforcer enforcer = ctx.getBean(SharingEnforcer.class);
            assertThat(enforcer.receivable(SharingFixtures.BUREAU)).isEmpty();
            assertThat(enforcer.mayProvide("scjgj", Category.C2).denied()).isTrue();
        });
    }
}
