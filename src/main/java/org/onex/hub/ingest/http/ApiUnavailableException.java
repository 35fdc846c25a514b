package org.onex.hub.ingest.http;

/**
 * The department API could not answer now (HTTP 5xx, 408 or 429, a timeout, a connection or I/O
 * failure): the template retries the request with back-off, then gives the poll up until the next one.
 */
public class ApiUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
