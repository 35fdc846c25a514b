package org.onex.hub.ops;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The hub's one error policy, referenced by id from every route (STYLE.md: one error policy).
 *
 * <p>{@link #SOURCE}: a source poll that fails (department unreachable, hub store down) is logged with
 * its route and reason and given up for this poll only; nothing was committed, the cursor did not
 * move, and the next poll reads the same rows again. One failing department never stops the others.
 */
@Component
public class ErrorRouteConfiguration extends RouteConfigurationBuilder {

    public static final String SOURCE = "hub-source-errors";

    @Override
    public void configuration() {
        routeConfiguration(SOURCE)
                .onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "org.onex.hub.source",
                        "${routeId}: poll failed, will retry at the next poll: ${exception.message}");
    }
}
