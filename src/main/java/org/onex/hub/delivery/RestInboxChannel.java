package org.onex.hub.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers each decision version as {@code POST <url>} with a JSON body and the header
 * {@code Idempotency-Key: <delivery key>}; the department keeps the first request per key and answers
 * 2xx (or 409 for a key it already has). The request carries only Content-Type, the idempotency key
 * and the configured credential header: no hub or Camel control header ever reaches the department.
 * Connection failures, timeouts and 502/503/504 mean the department is unreachable (retried for as
 * long as it takes); any other answer fails this delivery (counted, dead after max attempts).
 */
public final class RestInboxChannel implements DeliveryChannel {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI url;
    private final String authHeader;
    private final String authValue;
    private final Duration timeout;
    private final HttpClient http;

    public RestInboxChannel(URI url, String authHeader, String authValue, Duration connectTimeout, Duration timeout) {
        this.url = url;
        this.authHeader = authHeader == null || authHeader.isBlank() ? null : authHeader;
        this.authValue = authValue;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String kind() {
        return "rest";
    }

    @Override
    public void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed)
            throws ChannelUnavailableException, InterruptedException {
        for (DeliveryItem item : items) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").header(IDEMPOTENCY_KEY, item.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body(item).toString()));
            if (authHeader != null) {
                request.header(authHeader, authValue);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpTimeoutException e) {
                throw new ChannelUnavailableException("POST " + url + " for " + department + ": " + e, e);
            } catch (IOException e) {
                throw new ChannelUnavailableException("POST " + url + " for " + department + " failed: " + e, e);
            }
            int status = response.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                throw new ChannelUnavailableException("POST " + url + " for " + department + ": HTTP " + status, null);
            }
            if (!(status >= 200 && status < 300) && status != 409) {
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
