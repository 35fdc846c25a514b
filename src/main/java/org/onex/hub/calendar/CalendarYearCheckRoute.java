package org.onex.hub.calendar;

import org.apache.camel.builder.RouteBuilder;
import org.onex.hub.cluster.ClusterRoutes;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CalendarYearCheck} shortly after start-up and then every day
 * ({@code hub.calendar.check-period}, default {@code 24h}).
 */
@Component
public class CalendarYearCheckRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:calendar-year-check?delay={{hub.calendar.check-delay:10s}}&period={{hub.calendar.check-period:24h}}")
                .routeId("calendar-year-check").routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE)
                .bean(CalendarYearCheck.class, "run").id("calendar-year-check-run");
    }
}
