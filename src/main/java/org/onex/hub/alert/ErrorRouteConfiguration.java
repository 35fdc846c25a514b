package org.onex.hub.alert;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The hub's one error policy, referenced by id from every route (STYLE.md: one error policy).
 *
 * <p>{@link #SOURCE}: a source poll that fails (department unreachable, hub store down) is logged with
 * its route and reason and given up for this poll only; nothing was committed, the cursor did not
 * move, and the next poll reads the same rows again. One failing department never stops the others.
 *
 * <p>{@link #FILE_SOURCE}: a file that fails for a reason other than its own content (hub store down,
 * server gone mid-download) is logged and the exchange fails, so the file consumer rolls back: the
 * file stays in the drop and is read again at the next poll. (Files that are themselves broken do not
 * fail the exchange; they are moved to {@code .error/} with a reason.)
 */
@Component
public class ErrorRouteConfiguration extends RouteConfigurationBuilder {

    public static final String SOURCE = "hub-source-errors";
    public static final String FILE_SOURCE = "hub-file-source-errors";

    @Override
    public void configuration() {
        routeConfiguration(SOURCE)
                .onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "org.onex.hub.source",
                        "${routeId}: poll failed, will retry at the next poll: ${exception.message}")
                .bean(SourceHealth.class, "failedExchange");
        routeConfiguration(FILE_SOURCE)
                .onException(Exception.class).handled(false).logExhausted(false)
                .log(LoggingLevel.WARN, "org.onex.hub.source",
                        "${routeId}: file ${header.CamelFileName} left in place, will retry at the next poll:"
                                + " ${exception.message}");
    }
}
