package org.onex.hub.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.audit.AuditAnchorProperties;
import org.onex.hub.audit.AuditAnchors;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.audit.AuditProperties;
import org.onex.hub.audit.AuditVerifier;
import org.onex.hub.auth.ApiClients;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import picocli.CommandLine.Option;

/**
 * The hub store alone, for the {@code audit-verify} and {@code clients} commands: a Spring context with the
 * hub's own configuration (application.yaml, profiles, environment, {@code --spring.*} and {@code --hub.*}
 * arguments), so a command reads exactly the datasource the hub would, but with nothing else started (no
 * Camel, broker or web server). Not a {@code @Configuration}, so the hub's component scan never picks it up.
 */
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class })
@EnableConfigurationProperties({ AuditProperties.class, AuditAnchorProperties.class })
@Import({ AuditLog.class, AuditVerifier.class, AuditAnchors.class, ApiClients.class })
class CommandStore {

    static final String DATASOURCE_OPTIONS = "[--datasource-url URL] [--datasource-username USER]"
            + " (password: SPRING_DATASOURCE_PASSWORD, or HUB_DB_PASSWORD with the prod profile)";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Opens the store. {@code migrate}: run the hub's Flyway migrations first (a command that writes, on a store
     * the hub may not have started on yet); a read-only command leaves the schema as it is.
     */
    static ConfigurableApplicationContext open(StoreOptions options, boolean migrate) {
        List<String> args = new ArrayList<>();
        options.springArgs().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--spring.flyway.enabled=" + migrate);
        args.add("--logging.level.root=WARN");
        return new SpringApplicationBuilder(CommandStore.class).web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** Why the store could not be opened, in a line for the admin. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (message.contains("already in use") || message.contains("file is locked")) {
            return "the embedded store is open in a running hub (H2 allows one process): stop the hub first, or"
                    + " use its HTTP endpoint (" + message.lines().findFirst().orElse("") + ")";
        }
        return root.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }

    /**
     * The store options of a command line (a picocli mixin): {@code --datasource-url}, {@code --datasource-username},
     * and the {@code --spring.…=…} and {@code --hub.…=…} settings handed to Spring as they are.
     */
    static final class StoreOptions {

        @Option(names = "--datasource-url", paramLabel = "URL")
        String url;

        @Option(names = "--datasource-username", paramLabel = "USER")
        String username;

        List<String> settings = List.of();

        /** Parses {@code args} into {@code command} (which mixes this in); unknown options are usage errors. */
        void parse(Object command, String[] args) {
            settings = CommandLines.parse(command, args, CommandLines::isStoreSetting);
        }

        Map<String, String> springArgs() {
            Map<String, String> spring = new LinkedHashMap<>();
            for (String setting : settings) {
                int eq = setting.indexOf('=');
                spring.put(setting.substring(2, eq), setting.substring(eq + 1));
            }
            if (url != null) {
                spring.put("spring.datasource.url", url);
            }
            if (username != null) {
                spring.put("spring.datasource.username", username);
            }
            return spring;
        }
    }
}
