package org.onex.hub.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.onex.hub.cli.CommandLines;
import org.onex.hub.cli.HubCommand;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import picocli.CommandLine.Command;

/**
 * {@code java -jar onex-hub.jar password-hash}: reads a console password (from the terminal without
 * echo, or one line of standard input) and prints its {@code {bcrypt}} hash for
 * {@code hub.console.operators.<name>.password-hash}. The password never appears in a command line.
 */
public final class PasswordHashCommand implements HubCommand {

    /** For {@link HubCommand}'s service loader; the command itself is {@link #run}. */
    public PasswordHashCommand() {
    }

    @Override
    public String name() {
        return "password-hash";
    }

    @Override
    public String summary() {
        return "hash a console password for hub.console.operators";
    }

    @Override
    public int execute(String[] args) {
        return run(args);
    }

    /** The command line of {@code password-hash}: no argument (the password is read, never given). */
    @Command(name = "password-hash")
    static final class Arguments {
    }

    public static int run(String[] args) {
        try {
            CommandLines.parse(new Arguments(), args, arg -> false);
        } catch (CommandLines.UsageException e) {
            System.err.println("password-hash: " + e.getMessage() + " (the password is read from the terminal or"
                    + " standard input, never from the command line)");
            return 2;
        }
        String password;
        Console console = System.console();
        try {
            if (console != null) {
                char[] chars = console.readPassword("console password: ");
                password = chars == null ? "" : new String(chars);
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? "" : line;
            }
        } catch (IOException e) {
            System.err.println("password-hash: cannot read the password: " + e.getMessage());
            return 2;
        }
        if (password.length() < 12) {
            System.err.println("password-hash: a console password needs at least 12 characters");
            return 1;
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return 0;
    }
}
