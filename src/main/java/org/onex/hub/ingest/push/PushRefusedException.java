package org.onex.hub.ingest.push;

/**
 * A push refused by a limit of {@link PushLimits} before any of it was stored: 413 (the request is too big)
 * or 429 (the department is doing too much now; {@code retryAfterSeconds} says when to come back).
 */
public class PushRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final long retryAfterSeconds;

    public PushRefusedException(int status, long retryAfterSeconds, String detail) {
        super(detail);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds for the Retry-After header; 0 when there is nothing to wait for (413). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
