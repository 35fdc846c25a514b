package org.onex.hub.alert;

import java.net.URI;

import org.apache.camel.Exchange;
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
        // camel-http: the POST and its timeouts are the component's; only the alert's JSON and its content type
        // leave the hub (no Camel or JMS header), and no redirect is followed.
        String endpoint = url + (target.getRawQuery() == null ? "?" : "&") + "connectTimeout=5000"
                + "&responseTimeout=10000&followRedirects=false&throwExceptionOnFailure=true";
        from("jms:topic:" + Alerts.TOPIC).routeId("alert-webhook")
                .onException(Exception.class).maximumRedeliveries(Math.max(0, attempts - 1)).redeliveryDelay(1000)
                    .useExponentialBackOff().maximumRedeliveryDelay(60_000).handled(true)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false)
                    .log(LoggingLevel.WARN, "org.onex.hub.alerts",
                            "alert webhook " + target.getHost() + " gave up: ${exception.message}")
                .end()
                .convertBodyTo(String.class)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json; charset=UTF-8"))
                .to(endpoint);
    }
}
