package org.onex.hub.ops;

/**
 * An operator action that cannot be done, with the HTTP status the API answers (404 nothing there,
 * 409 not in a state that allows it, 400 a missing comment) and a message the console shows as is.
 */
public class ActionRefusedException extends RuntimeException {

    private final int status;
    private final String parameter;

    public ActionRefusedException(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public int status() {
        return status;
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
