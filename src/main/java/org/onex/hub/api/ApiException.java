package org.onex.hub.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client error answered as an RFC 9457 problem body; {@code parameter} names the bad parameter if any,
 * {@code retryAfterSeconds} (when positive) becomes a Retry-After header, and {@link #with} adds extension
 * members to the body (e.g. {@code committed: false} for a push rolled back at its deadline).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String parameter;
    private long retryAfterSeconds;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(int status, String parameter, String detail) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, parameter, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, null, detail);
    }

    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Adds an extension member to the problem body (a string, number or boolean). */
    public ApiException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
