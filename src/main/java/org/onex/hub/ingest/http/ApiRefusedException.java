package org.onex.hub.ingest.http;

/**
 * The department API refused the hub or broke its contract (another HTTP 3xx or 4xx, a body that is not
 * JSON or has no row array): asking again cannot help, so the template stops the feed with an alert.
 * The message says what happened and what to fix, never the credential.
 */
public class ApiRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiRefusedException(String message) {
        super(message);
    }

    public ApiRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
