package org.onex.hub.api;

/** A client error answered as an RFC 9457 problem body; {@code parameter} names the bad parameter if any. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String parameter;

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

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }
}
