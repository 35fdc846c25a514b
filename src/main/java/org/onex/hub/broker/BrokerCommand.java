package org.onex.hub.broker;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.onex.hub.cli.CommandLines;
import org.onex.hub.cli.HubCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code broker}: a standalone Artemis broker for hub nodes and department consumers (issue 16 item 4), carrying
 * the hub's own security (API keys from the hub store, per-role topics, revoked keys' connections closed, feed
 * reads audited in the store) from the same settings as the hub: application.yaml, the {@code prod} profile and
 * its {@code HUB_*} variables, {@code --spring.*}/{@code --hub.*} settings. {@code --primary} and {@code --backup}
 * start the two halves of a shared-store pair ({@link BrokerPair}). Runs until stopped (SIGTERM).
 */
public final class BrokerCommand implements HubCommand {

    static final String USAGE = String.join("\n",
            "usage: broker [--primary | --backup] [--ha none|shared-store] [--host HOST] [--port PORT]",
            "              [--peer HOST:PORT] [--data-dir DIR] [--datasource-url URL] [--datasource-username USER]",
            "  --primary/--backup   one half of a shared-store pair: both use the same --data-dir (a shared volume)",
            "  --peer               the other broker of the pair; HUB_ARTEMIS_CLUSTER_PASSWORD the same on both",
            "  hub nodes log in as 'hub' with HUB_ARTEMIS_PASSWORD (hub.artemis.hub-password); consumers with their",
            "  API client id and key. Any --spring.*=… or --hub.*=… setting is handed to Spring as for the hub.");

    private static final String ACCEPTOR = "hub.artemis.acceptor-url";

    /** For {@link HubCommand}'s service loader. */
    public BrokerCommand() {
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String summary() {
        return "run a standalone Artemis broker (or one half of an HA pair) with the hub's security";
    }

    @Override
    public int execute(String[] args) {
        Arguments options = new Arguments();
        List<String> settings;
        try {
            settings = CommandLines.parse(options, args, CommandLines::isStoreSetting);
        } catch (CommandLines.UsageException e) {
            return usage(e.getMessage(), System.err);
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(BrokerContext.class).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).run(springArgs(options, settings).toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("broker: cannot start: " + describe(e));
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        BrokerProperties broker = context.getBean(BrokerProperties.class);
        boolean live = context.getBean(EmbeddedActiveMQ.class).getActiveMQServer().isActive();
        System.out.println("broker: " + (broker.paired() ? broker.role() + " of a " + broker.ha() + " pair" : "single")
                + " at " + broker.url() + (live ? ", live" : ", waiting as backup for " + broker.peer()));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return 0;
    }

    /** The command line of {@code broker}. */
    @Command(name = "broker")
    static final class Arguments {

        @ArgGroup(exclusive = true)
        Role role;

        @Option(names = "--ha", paramLabel = "MODE")
        String ha;

        @Option(names = "--host", paramLabel = "HOST")
        String host;

        @Option(names = "--port", paramLabel = "PORT")
        Integer port;

        @Option(names = "--peer", paramLabel = "HOST:PORT")
        String peer;

        @Option(names = "--data-dir", paramLabel = "DIR")
        String dataDir;

        @Option(names = "--datasource-url", paramLabel = "URL")
        String url;

        @Option(names = "--datasource-username", paramLabel = "USER")
        String username;
    }

    /** {@code --primary} or {@code --backup}. */
    static final class Role {

        @Option(names = "--primary", required = true)
        boolean primary;

        @Option(names = "--backup", required = true)
        boolean backup;
    }

    /** The Spring arguments: the broker's own, then the command line's settings (which win where they repeat). */
    static List<String> springArgs(Arguments options, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--spring.artemis.mode=embedded",
                "--spring.artemis.embedded.enabled=true", "--spring.artemis.embedded.persistent=true"));
        if (options.role != null) {
            args.add("--hub.broker.role=" + (options.role.backup ? BrokerProperties.BACKUP : BrokerProperties.PRIMARY));
            args.add("--hub.broker.ha=" + (options.ha == null ? BrokerProperties.SHARED_STORE : options.ha));
        } else if (options.ha != null) {
            args.add("--hub.broker.ha=" + options.ha);
        }
        add(args, "hub.broker.host", options.host);
        add(args, "hub.broker.port", options.port == null ? null : options.port.toString());
        add(args, "hub.broker.peer", options.peer);
        add(args, "spring.artemis.embedded.data-directory", options.dataDir);
        add(args, "spring.datasource.url", options.url);
        add(args, "spring.datasource.username", options.username);
        // the acceptor (CORE and AMQP) at hub.broker.host:port, unless a setting gives its own (TLS, say): a
        // property given twice on the command line would read as both values joined by a comma
        if (settings.stream().noneMatch(s -> s.startsWith("--" + ACCEPTOR + "="))) {
            args.add("--" + ACCEPTOR + "=tcp://${hub.broker.host:127.0.0.1}:${hub.broker.port:61616}"
                    + "?protocols=CORE,AMQP");
        }
        args.addAll(settings);
        return args;
    }

    private static void add(List<String> args, String name, String value) {
        if (value != null) {
            args.add("--" + name + "=" + value);
        }
    }

    private static int usage(String message, PrintStream err) {
        err.println("broker: " + message);
        err.println(USAGE);
        return 2;
    }

    /** Why the broker could not start, in a line: the innermost cause. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage()).lines().findFirst()
                .orElse("");
    }
}
