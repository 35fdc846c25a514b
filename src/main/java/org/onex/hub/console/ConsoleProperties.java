package org.onex.hub.console;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator accounts of the console ({@code hub.console.operators.<name>}): a password hash in Spring
 * Security's {@code {id}hash} form (make one with {@code java -jar onex-hub.jar password-hash}) and a
 * role of the security issue: {@code OPERATOR} (console, replay, acknowledge, pause), {@code ADMIN}
 * (the same, plus configuration later) or {@code OFFICE} (the leadership-group office: scorecards only,
 * R-ASSESS). The embedded default adds the demo account {@code operator} (see {@code hub.demo}).
 */
@ConfigurationProperties(prefix = "hub.console")
public record ConsoleProperties(Map<String, Operator> operators) {

    public ConsoleProperties {
        operators = operators == null ? Map.of() : Map.copyOf(operators);
    }

    /** One operator account. */
    public record Operator(String passwordHash, String role) {
    }
}
