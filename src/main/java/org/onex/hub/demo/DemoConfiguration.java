package org.onex.hub.demo;

import java.util.Random;

import org.apache.camel.builder.RouteBuilder;
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
