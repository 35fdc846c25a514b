package org.onex.hub.mapping;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/** Per-row evaluation context: creates the exchange for Simple expressions once, and only if needed. */
final class RowContext {

    private final CamelContext camel;
    private Exchange exchange;

    RowContext(CamelContext camel) {
        this.camel = camel;
    }

    Exchange exchange(Map<String, Object> row) {
        if (exchange == null) {
            exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(row);
        }
        return exchange;
    }

    static boolean blank(Object value) {
        return value == null || (value instanceof CharSequence s && s.toString().isBlank());
    }
}
