package org.onex.hub.api;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a JSON answer: compact, or indented for a person reading it when the request has {@code ?pretty}
 * (any endpoint accepts it). Camel's own conversion of a JSON tree to text indents, which would make the size of
 * an answer depend on whether it went through masking.
 */
final class ApiJson {

    /** The query parameter asking for indented JSON. */
    static final String PRETTY = "pretty";
    private static final String PRETTY_PROPERTY = "hubApiPretty";

    private ApiJson() {
    }

    /** Remembers whether the request asked for indented JSON (the HTTP message is replaced on the way). */
    static void remember(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getParameter(PRETTY) != null) {
            String value = http.getRequest().getParameter(PRETTY);
            exchange.setProperty(PRETTY_PROPERTY, value.isEmpty() || Boolean.parseBoolean(value));
        }
    }

    static boolean pretty(Exchange exchange) {
        return exchange.getProperty(PRETTY_PROPERTY, false, Boolean.class);
    }

    static String text(Exchange exchange, JsonNode json) {
        return pretty(exchange) ? json.toPrettyString() : json.toString();
    }

    /** Turns the body into text: a JSON tree compact or indented, anything else as Camel converts it. */
    static void toText(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        exchange.getMessage().setBody(body instanceof JsonNode json ? text(exchange, json)
                : exchange.getMessage().getBody(String.class));
    }
}
