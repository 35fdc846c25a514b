package org.onex.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.config.ConfigException;
import org.onex.hub.config.HubPaths;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The registry bean is loaded at start-up from hub.config-dir; a broken file stops the start. */
class RegistryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RegistryConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void defaultsLoadTheProjectRegistry() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(HubPaths.class))
                    .isEqualTo(new HubPaths(Path.of("config"), Path.of("routes"), Path.of("mappings")));
            assertThat(ctx.getBean(DepartmentRegistry.class).all()).hasSize(16);
        });
    }

    @Test
    void pathsAreConfigurable() throws IOException {
        Files.copy(Path.of("config/departments.yaml"), dir.resolve("departments.yaml"));
        context.withPropertyValues("hub.config-dir=" + dir, "hub.routes-dir=/srv/routes", "hub.mappings-dir=m")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    HubPaths paths = ctx.getBean(HubPaths.class);
                    assertThat(paths.configDir()).isEqualTo(dir);
                    assertThat(paths.routesDir()).isEqualTo(Path.of("/srv/routes"));
                    assertThat(paths.mappingsDir()).isEqualTo(Path.of("m"));
                    assertThat(ctx.getBean(DepartmentRegistry.class).bureau().code()).isEqualTo("zhzf");
                });
    }

    @Test
    void brokenFileFailsTheStartWithFileLineAndKey() throws IOException {
        Files.writeString(dir.resolve("departments.yaml"), """
                departments:
                  - code: zhzf
                    kind: BUREAU
                """);
        context.withPropertyValues("hub.config-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(dir.resolve("departments.yaml") + ":2: departments[0]: required property '");
        });
    }
}
