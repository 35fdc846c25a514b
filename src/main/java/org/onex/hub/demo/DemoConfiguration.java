package org.onex.hub.demo;

import java.util.Random;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.auth.ApiClients;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Switches the demo departments on for the embedded default ({@code hub.demo.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoConfiguration {

    @Bean(initMethod = "seed")
    DemoDepartments demoDepartments(Environment env) {
        return new DemoDepartments(env);
    }

    /** The SFTP department (sthjj) with its in-process SFTP server; see {@link DemoFileDrops}. */
    @Bean(initMethod = "seed", destroyMethod = "close")
    DemoFileDrops demoFileDrops(Environment env, java.time.Clock clock) {
        return new DemoFileDrops(env.getRequiredProperty("hub.demo.sftp.port", Integer.class),
                java.nio.file.Path.of(env.getRequiredProperty("hub.data-dir"), "demo-sftp"),
                env.getRequiredProperty("hub.demo.sftp.password"), clock);
    }

    /** The REST department (jtysj) pushing over HTTP; see {@link DemoPusher}. */
    @Bean
    DemoPusher demoPusher(Environment env, java.time.Clock clock) {
        return new DemoPusher(env, env.getRequiredProperty("hub.demo.push-key"), clock);
    }

    @Bean
    RouteBuilder demoFileAndPushRoutes(DemoFileDrops drops, DemoPusher pusher) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-file-drops?period={{hub.demo.file-period:30s}}&delay=20s").routeId("demo-file-drops")
                        .process(e -> drops.tick());
                from("timer:demo-pusher?period={{hub.demo.push-period:10s}}&delay=5s").routeId("demo-pusher")
                        .process(e -> pusher.push(new Random()));
            }
        };
    }

    /**
     * The bureau's case system (zhzf); its cases cite licences of the market supervision demo database, so
     * {@code departments} is a parameter only to have that database seeded first.
     */
    @Bean(initMethod = "seed")
    DemoBureau demoBureau(Environment env, DemoDepartments departments) {
        return new DemoBureau(env);
    }

    /** Every {@code hub.demo.period} the bureau decides now and then and its coercive measures are executed. */
    @Bean
    RouteBuilder demoBureauRoute(DemoBureau bureau) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-bureau?period={{hub.demo.period:3s}}&delay=5s").routeId("demo-bureau")
                        .process(e -> bureau.tick(new Random()));
            }
        };
    }

    /** The departments' inboxes of the bureau's decisions, one per channel kind; see {@link DemoInboxes}. */
    @Bean(initMethod = "seed", destroyMethod = "close")
    DemoInboxes demoInboxes(Environment env, DemoDepartments departments, DemoFileDrops drops,
            ApiClients clients, java.time.Clock clock) throws java.io.IOException {
        return new DemoInboxes(env, drops, clients, clock);
    }

    @Bean
    RouteBuilder demoInboxRoute(DemoInboxes inboxes) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-inboxes?period={{hub.demo.period:3s}}&delay=10s").routeId("demo-inboxes")
                        .process(e -> inboxes.tick());
            }
        };
    }

    /** The generator: every {@code hub.demo.period} the demo departments record new and changed decisions. */
    @Bean
    RouteBuilder demoGeneratorRoute(DemoDepartments demo) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-generator?period={{hub.demo.period:3s}}&delay=5s").routeId("demo-generator")
                        .process(e -> demo.tick(new Random()));
            }
        };
    }
}
