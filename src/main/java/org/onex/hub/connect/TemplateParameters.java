package org.onex.hub.connect;

import java.time.Duration;

import org.apache.camel.RouteTemplateContext;
import org.apache.camel.util.TimeUtils;

/**
 * Route template parameters as the source beans need them. Endpoint URIs resolve their placeholders,
 * but a value handed to a bean arrives as written: {@code "{{env:JYJ_API_TOKEN}}"} or
 * {@code "{{hub.sftp-servers.sthjj.host}}"} is resolved here, and an unset one fails the route's
 * creation naming it. Shared by every source template.
 */
public final class TemplateParameters {

    private TemplateParameters() {
    }

    /** The resolved text, or null if the parameter is not given. */
    public static String text(RouteTemplateContext rtc, String name) {
        String value = rtc.getProperty(name, String.class);
        return value == null ? null : rtc.getCamelContext().resolvePropertyPlaceholders(value);
    }

    public static int integer(RouteTemplateContext rtc, String name) {
        String value = text(rtc, name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter " + name + " '" + value + "' is not a whole number");
        }
    }

    /** A time such as {@code 10s}, {@code 500ms} or {@code 1m}. */
    public static Duration duration(RouteTemplateContext rtc, String name) {
        return TimeUtils.toDuration(text(rtc, name));
    }
}
