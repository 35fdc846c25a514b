package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.auth.ApiKeyAuthenticationFilter;
import org.onex.hub.masking.ValueMasker;
import org.onex.hub.ops.ActionRefusedException;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubJson;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error policy of the API routes: client errors become RFC 9457 problem bodies naming the parameter. */
@Component
public class ApiErrors extends RouteConfigurationBuilder {

    public static final String ID = "hub-api-errors";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    private final AuditLog audit;

    public ApiErrors(AuditLog audit) {
        this.audit = audit;
    }

    /** Every policy denial is an audit entry, naming the client and what it asked for. */
    private void denied(Exchange exchange, String reason) {
        if (exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(ApiKeyAuthenticationFilter.CLIENT) instanceof Client client) {
            audit.record(client, AuditAction.POLICY_DENIED, http.getRequest().getMethod() + " "
                    + http.getRequest().getRequestURI(), java.util.Map.of("reason", reason));
        }
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ApiException.class).handled(true)
                .process(this::problem).end()
                .onException(ActionRefusedException.class).handled(true)
                .process(this::refused).end()
                // anything else is the hub's fault, answered with a problem body too; Camel's own
                // error handler would log the exchange, and a type conversion's message quotes the body it failed on
                .onException(Exception.class).handled(true)
                .process(this::unexpected).end();
    }

    /** A 500 problem body; the log names the call, a reference and the exception's types, never the body. */
    void unexpected(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String call = exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                ? http.getRequest().getMethod() + " " + http.getRequest().getRequestURI() : exchange.getFromRouteId();
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null && causes.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            causes.append(causes.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] at = t.getStackTrace();
            if (at.length > 0) {
                causes.append(" at ").append(at[0]);
            }
        }
        LOG.error("API call {} failed (ref {}): {}", call, exchange.getExchangeId(), causes);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException(500, null,
                "the hub could not answer this call; its log names the cause with ref " + exchange.getExchangeId()));
        problem(exchange);
    }

    /** An operator action refused by {@link ActionRefusedException}: the same problem body. */
    void refused(Exchange exchange) {
        ActionRefusedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ActionRefusedException.class);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException(e.status(), e.parameter(), e.getMessage()));
        problem(exchange);
    }

    void problem(Exchange exchange) {
        ApiException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
        if (e.status() == 403) {
            denied(exchange, e.getMessage());
        }
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
        case 500 -> "Internal Server Error";
        case 429 -> "Too Many Requests";
        case 503 -> "Service Unavailable";
        default -> "Error";
        });
        body.put("status", e.status());
        body.put("detail", ValueMasker.text(e.getMessage())); // a detail may quote what was asked for
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        e.extensions().forEach((name, value) -> body.set(name, HubJson.mapper().valueToTree(value)));
        var m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, e.status());
        m.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (e.status() == 401) {
            m.setHeader("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfterSeconds() > 0) {
            m.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        m.setBody(body.toString());
    }
}
