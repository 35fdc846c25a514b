package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.onex.hub.ops.ActionRefusedException;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error policy of the API routes: client errors become RFC 9457 problem bodies naming the parameter. */
@Component
public class ApiErrors extends RouteConfigurationBuilder {

    public static final String ID = "hub-api-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ApiException.class).handled(true)
                .process(ApiErrors::problem).end()
                .onException(ActionRefusedException.class).handled(true)
                .process(ApiErrors::refused).end();
    }

    /** An operator action refused by {@link ActionRefusedException}: the same problem body. */
    static void refused(Exchange exchange) {
        ActionRefusedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ActionRefusedException.class);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException(e.status(), e.parameter(), e.getMessage()));
        problem(exchange);
    }

    static void problem(Exchange exchange) {
        ApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
        ObjectNode body = HubJson.mapper().createObjectNode();
        body.put("type", "about:blank");
        body.put("title", switch (e.status()) {
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 413 -> "Content Too Large";
        case 415 -> "Unsupported Media Type";
        case 409 -> "Conflict";
        default -> "Error";
        });
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        var m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, e.status());
        m.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (e.status() == 401) {
            m.setHeader("WWW-Authenticate", "Bearer");
        }
        m.setBody(body.toString());
    }
}
