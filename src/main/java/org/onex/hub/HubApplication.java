package org.onex.hub;

import java.util.Arrays;

import org.onex.hub.bench.BenchmarkCommand;
import org.onex.hub.cli.AuditCommand;
import org.onex.hub.console.PasswordHashCommand;
import org.onex.hub.faults.FaultsCommand;
import org.onex.hub.ops.DryRunCommand;
import org.onex.hub.ops.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The hub. With no command it runs the hub; {@code dry-run} maps sample rows with a mapping file and
 * prints the result without a running hub; {@code benchmark} runs the throughput benchmark; {@code faults} runs
 * the fault suite (kill -9 loops, outages, the malformed-file corpus, soak);
 * {@code validate} checks config/, routes/ and mappings/; {@code password-hash} hashes a console password.
 */
@SpringBootApplication
public class HubApplication {

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
        case "dry-run" -> System.exit(DryRunCommand.run(rest));
        case "benchmark" -> System.exit(BenchmarkCommand.run(rest));
        case "faults" -> System.exit(FaultsCommand.run(rest));
        case "validate" -> System.exit(ValidateCommand.run(rest));
        case "password-hash" -> System.exit(PasswordHashCommand.run(rest));
        case "audit-verify", "clients" -> System.exit(AuditCommand.run(command, rest));
        default -> SpringApplication.run(HubApplication.class, args);
        }
    }
}
