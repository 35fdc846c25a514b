package org.onex.hub;

import java.util.Arrays;
import java.util.Optional;

import org.onex.hub.cli.HubCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The hub. With no command (or only {@code --name=value} settings) it runs the hub; with a command
 * ({@code validate}, {@code dry-run}, {@code benchmark}, {@code faults}, {@code password-hash}, {@code audit-verify},
 * {@code clients}: {@link HubCommand}) it runs that instead and exits with its code. A first argument that is
 * neither is refused with the list of commands, rather than starting the hub with a typo ignored.
 */
@SpringBootApplication
public class HubApplication {

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            SpringApplication.run(HubApplication.class, args);
            return;
        }
        Optional<HubCommand> command = HubCommand.named(args[0]);
        if (command.isEmpty()) {
            System.err.println("unknown command '" + args[0] + "'\n" + HubCommand.usage());
            System.exit(2);
        }
        System.exit(command.get().execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
