package org.onex.hub.delivery;

import org.apache.camel.spi.PropertiesFunction;

/**
 * Placeholder function {@code {{hub-retries:8}}} = {@code 7}: route files give the number of attempts a
 * delivery gets in all; Camel's redelivery counts the retries after the first attempt.
 */
final class RetriesFunction implements PropertiesFunction {

    static final String NAME = "hub-retries";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String remainder) {
        try {
            int attempts = Integer.parseInt(remainder.trim());
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, found " + attempts);
            }
            return String.valueOf(attempts - 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxAttempts '" + remainder + "' is not a whole number", e);
        }
    }
}
