package org.onex.hub.ops;

import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.SupervisingRouteController;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.onex.hub.registry.DepartmentRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Department routes (route ids {@code <department>-<feed>}) start under Camel's supervising route
 * controller: a department whose route cannot start (its server refuses, a broker is down) is retried
 * in the background with back-off, shown DOWN in Camel's health check, and never stops the hub or
 * the other departments from starting. The hub's own routes (API, ingest, feed, scans) start as
 * usual and fail the start-up if they cannot.
 */
@Component
public class DepartmentRouteSupervision implements CamelContextConfiguration {

    private final DepartmentRegistry registry;
    private final long backOffMillis;
    private final long maxBackOffMillis;

    public DepartmentRouteSupervision(DepartmentRegistry registry,
            @Value("${hub.routes.restart-delay:5000}") long backOffMillis,
            @Value("${hub.routes.restart-max-delay:300000}") long maxBackOffMillis) {
        this.registry = registry;
        this.backOffMillis = backOffMillis;
        this.maxBackOffMillis = maxBackOffMillis;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        SupervisingRouteController supervisor = camel.getRouteController().supervising();
        supervisor.setIncludeRoutes(registry.all().stream().map(d -> d.code() + "-*").collect(Collectors.joining(",")));
        supervisor.setBackOffDelay(backOffMillis);
        supervisor.setBackOffMultiplier(2);
        supervisor.setBackOffMaxDelay(maxBackOffMillis);
        supervisor.setBackOffMaxAttempts(0); // forever: a department may be down for a weekend
        supervisor.setUnhealthyOnExhausted(true);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing
    }
}
