package org.onex.hub.delivery;

/**
 * The department's channel cannot be reached at all (database down, connection refused, timeout):
 * retried with back-off for as long as it takes, without counting against the delivery, so a
 * department that is down for hours receives everything, in order, once it is back.
 */
public class ChannelUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
