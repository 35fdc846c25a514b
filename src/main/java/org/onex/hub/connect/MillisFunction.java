package org.onex.hub.connect;

import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.util.TimeUtils;

/**
 * Placeholder function {@code {{hub-millis:1s}}} = {@code 1000}: Camel's redelivery options take plain
 * milliseconds, while template parameters are written as durations ({@code 500ms}, {@code 1s}, {@code 1m})
 * like every other time in a route file.
 */
public final class MillisFunction implements PropertiesFunction {

    public static final String NAME = "hub-millis";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String remainder) {
        try {
            return String.valueOf(TimeUtils.toMilliSeconds(remainder.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + remainder + "' is not a duration (e.g. 500ms, 1s, 1m)", e);
        }
    }
}
