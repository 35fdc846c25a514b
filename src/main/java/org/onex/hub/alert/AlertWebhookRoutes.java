package org.onex.hub.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code alert-webhook}: when {@code hub.alerts.webhook-url} is set, every new alert published on
 * {@value Alerts#TOPIC} is POSTed there as JSON, retried with exponential back-off
 * ({@code hub.alerts.webhook-attempts}, default 6); an alert that still fails is logged (it stays
 * stored and listed at /api/v1/alerts).
 */
@Component
public class AlertWebhookRoutes extends RouteBuilder {

    private final String url;
    private final int attempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertWebhookRoutes(@Value("${hub.alerts.webhook-url:}") String url,
            @Value("${hub.alerts.webhook-attempts:6}") int attempts) {
        this.url = url;
        this.attempts = attempts;
    }

    @Override
    public void configure() {
        if (url == null || url.isBlank()) {
            return;
        }
        URI target = URI.create(url);
        from("jms:topic:" + Alerts.TOPIC).routeId("alert-webhook")
                .onException(Exception.class).maximumRedeliveries(Math.max(0, attempts - 1)).redeliveryDelay(1000)
                    .useExponentialBackOff().maximumRedeliveryDelay(60_000).handled(true)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false)
                    .log(LoggingLevel.WARN, "org.onex.hub.alerts",
                            "alert webhook " + target.getHost() + " gave up: ${exception.message}")
                .end()
                .process(e -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(e.getMessage().getBody(String.class),
                                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("alert webhook answered HTTP " + r.statusCode());
                    }
                });
    }
}
