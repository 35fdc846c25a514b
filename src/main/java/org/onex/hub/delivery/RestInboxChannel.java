package org.onex.hub.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.onex.hub.connect.DepartmentHttp;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers each decision version as {@code POST <url>} with a JSON body and the header
 * {@code Idempotency-Key: <delivery key>}; the department keeps the first request per key and answers
 * 2xx (or 409 for a key it already has). The request carries only Content-Type, the idempotency key
 * and the configured credential header: no hub or Camel control header ever reaches the department.
 * An endpoint that cannot be reached, and the answers {@link DepartmentHttp.Outcome} calls unavailable (408, 429,
 * 502, 503, 504), mean the department cannot take deliveries now (retried for as long as it takes); any other
 * answer fails this delivery (counted, dead after max attempts): a 500 for one decision must not hold up the rest.
 */
public final class RestInboxChannel implements DeliveryChannel {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI url;
    private final String authHeader;
    private final String authValue;
    private final DepartmentHttp http;

    public RestInboxChannel(URI url, String authHeader, String authValue, Duration connectTimeout, Duration timeout) {
        this.url = url;
        this.authHeader = authHeader == null || authHeader.isBlank() ? null : authHeader;
        this.authValue = authValue;
        this.http = new DepartmentHttp(connectTimeout, timeout);
    }

    @Override
    public String kind() {
        return "rest";
    }

    @Override
    public void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed)
            throws ChannelUnavailableException, InterruptedException {
        for (DeliveryItem item : items) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(IDEMPOTENCY_KEY, item.key());
            if (authHeader != null) {
                headers.put(authHeader, authValue);
            }
            DepartmentHttp.Answer response;
            try {
                response = http.postJson(url, headers, body(item).toString());
            } catch (DepartmentHttp.UnreachableException e) {
                if (Thread.interrupted()) { // the client turns an interrupt into an I/O failure; it stays one
                    throw new InterruptedException("delivery to " + department + " interrupted");
                }
                throw new ChannelUnavailableException("POST " + url + " for " + department + " failed: "
                        + e.getMessage(), e);
            }
            int status = response.status();
            if (response.outcome() == DepartmentHttp.Outcome.UNAVAILABLE) {
                throw new ChannelUnavailableException("POST " + url + " for " + department + ": "
                        + response.statusText(), null);
            }
            if (response.outcome() != DepartmentHttp.Outcome.OK && status != 409) { // 409: it has this key already
                String answer = response.body() == null ? "" : response.body();
                throw new IllegalStateException("POST " + url + " answered HTTP " + status + " for " + item.key()
                        + (answer.isBlank() ? "" : ": " + (answer.length() > 300 ? answer.substring(0, 300) + "…" : answer)));
            }
            confirmed.accept(item);
        }
    }

    /** The body a department receives: the delivery's identity and the decision envelope (schema v1). */
    static ObjectNode body(DeliveryItem item) {
        ObjectNode body = HubJson.mapper().createObjectNode();
        body.put("deliveryKey", item.key());
        body.put("deliveryId", item.deliveryId());
        body.put("recordId", item.recordId());
        body.put("version", item.version());
        body.put("routeReason", item.routeReason());
        body.set("record", item.record());
        return body;
    }
}
