package org.onex.hub.auth;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator accounts of the console ({@code hub.console.operators.<name>}): a password hash in Spring
 * Security's {@code {id}hash} form (make one with {@code java -jar onex-hub.jar password-hash}) and a
 * role of the security issue: {@code OPERATOR} (console, replay, acknowledge, pause), {@code ADMIN}
 * (the same, plus configuration later) or {@code OFFICE} (the leadership-group office: scorecards only,
 * R-ASSESS). The embedded default adds the demo account {@code operator} (see {@code hub.demo}).
 *
 * <p>{@code hub.console.login}: how many failed sign-ins an account name and an address may have within
 * {@code period} before every sign-in of that account name, or from that address, is refused until the period
 * has passed.
 */
@ConfigurationProperties(prefix = "hub.console")
public record ConsoleProperties(Map<String, Operator> operators, Login login) {

    public ConsoleProperties {
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        login = login == null ? new Login(0, 0, null) : login;
    }

    /** One operator account. */
    public record Operator(String passwordHash, String role) {
    }

    /** Failed sign-ins per account name and per address within {@code period} (defaults 5, 20, 15 minutes). */
    public record Login(int accountFailures, int addressFailures, Duration period) {

        public Login {
            accountFailures = accountFailures == 0 ? 5 : accountFailures;
            addressFailures = addressFailures == 0 ? 20 : addressFailures;
            period = period == null ? Duration.ofMinutes(15) : period;
        }
    }
}
