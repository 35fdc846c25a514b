package org.onex.hub.cli;

import java.io.PrintStream;

import org.onex.hub.audit.AuditVerification;
import org.onex.hub.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audit-verify}: walks the audit chain of the hub store the hub is configured with (the embedded H2 file
 * under {@code ./data} by default; {@code --datasource-url} or the prod profile for PostgreSQL) and prints the
 * result; exit code 0 when the chain is valid, 1 (with the first bad entry) when not, 2 when it cannot run. The
 * chain is checked against the anchors of {@code ${hub.data-dir}/audit-anchors.log} too ({@link AuditAnchors};
 * {@code --hub.audit.anchor.file=…} reads another file, e.g. a log file holding anchor lines).
 */
public final class AuditCommand implements HubCommand {

    static final String USAGE = "usage: audit-verify [--json] " + CommandStore.DATASOURCE_OPTIONS;

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public AuditCommand() {
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String summary() {
        return "verify the audit chain and its anchors in the hub store";
    }

    @Override
    public int execute(String[] args) {
        return verify(args, System.out, System.err);
    }

    /** The command line of {@code audit-verify}. */
    @Command(name = "audit-verify")
    static final class Arguments {

        @Option(names = "--json", description = "the result as JSON")
        boolean json;

        @Mixin
        CommandStore.StoreOptions store = new CommandStore.StoreOptions();
    }

    public static int verify(String[] args, PrintStream out, PrintStream err) {
        Arguments options = new Arguments();
        try {
            options.store.parse(options, args);
        } catch (CommandLines.UsageException e) {
            err.println("audit-verify: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        AuditVerification result;
        try (ConfigurableApplicationContext store = CommandStore.open(options.store, false)) {
            result = store.getBean(AuditVerifier.class).verify();
        } catch (RuntimeException e) {
            err.println("audit-verify: cannot verify: " + CommandStore.describe(e));
            return 2;
        }
        if (options.json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(result.valid() ? result.message() : "audit chain BROKEN: " + result.message());
        }
        return result.valid() ? 0 : 1;
    }
}
